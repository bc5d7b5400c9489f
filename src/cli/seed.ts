import { loadConfig } from '../core/config.ts';
import { createDeps } from '../core/deps.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoData } from '../features/seed/seed.ts';

export function demoSignInText(publicUrl: string): string {
  return [
    `Demo sign-in at ${publicUrl}/logg-inn (built-in local sign-in), password "${DEMO_PASSWORD}" for everyone:`,
    ...DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(28)} ${p.name}${p.platformRoles.length ? ` (${p.platformRoles.join(', ')})` : ''}`),
  ].join('\n');
}

export async function runSeed(): Promise<number> {
  const config = loadConfig();
  const deps = await createDeps(config);
  try {
    await deps.database.migrate();
    const { created } = await seedDemoData(deps);
    console.log(created ? 'Demo data added.' : 'Demo data was already there; nothing changed.');
    if (config.localSignInEnabled) console.log(demoSignInText(config.publicUrl));
    return 0;
  } finally {
    await deps.database.close();
  }
}
