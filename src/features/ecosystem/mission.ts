import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit.ts';
import { requireUser } from '../../core/auth/access.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import { ecosystemActors, ecosystemMissionSignatures, ecosystemMissionVersions } from '../../core/db/schema.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { actorsOfUser, requireOrchestrator } from './ecosystem-access.ts';

/**
 * The mission narrative and the principles for the work (issue 5 item 2): a versioned page owned by the
 * orchestrator; actors sign on. Versions are never changed: saving writes the next number (immutable history).
 */

/** Version 0: the repository's text, shown until the orchestrator saves a version. */
export const MISSION_V0 = {
  narrative:
    'I 2032 er det enkelt å bli med i en frivillig organisasjon, lokalt og nasjonalt, og det går raskt og lett å starte og avvikle en. Organisasjonene gir hver opplysning til det offentlige bare én gang, og bruker tiden på aktiviteten – ikke på administrasjon.\n\nIngen etat klarer dette alene. Derfor samarbeider statlige etater, fylker, kommuner, paraplyorganisasjoner, organisasjonene selv, leverandører og forskere i et økosystem, med Brønnøysundregistrene som orkestrator.',
  principles: [
    'Sivilsamfunnet først',
    'Ta vare på og styrk mangfoldet',
    'Utvid deltakelsen',
    'Samarbeid gjennom relasjoner',
    'Samskaping på alle nivåer',
    'Oppmuntre til læring',
    'Åpenhet',
    'Vær en av delene',
    'Se opp og fram',
  ],
};

export interface MissionVersion {
  number: number;
  narrative: string;
  principles: string[];
  changeNote: string;
  authorName: string | null;
  createdAt: Date | null;
}

export async function readMissionVersions(db: Db): Promise<MissionVersion[]> {
  const rows = await db.select().from(ecosystemMissionVersions).orderBy(desc(ecosystemMissionVersions.number));
  return [
    ...rows.map((r) => ({
      number: r.number,
      narrative: r.narrative,
      principles: r.principles,
      changeNote: r.changeNote,
      authorName: r.authorName,
      createdAt: r.createdAt,
    })),
    { number: 0, narrative: MISSION_V0.narrative, principles: MISSION_V0.principles, changeNote: '', authorName: null, createdAt: null },
  ];
}

export async function readSignatories(db: Db) {
  return db
    .select({
      actorId: ecosystemActors.id,
      name: ecosystemActors.name,
      signedByName: ecosystemMissionSignatures.signedByName,
      versionNumber: ecosystemMissionSignatures.versionNumber,
      signedAt: ecosystemMissionSignatures.signedAt,
    })
    .from(ecosystemMissionSignatures)
    .innerJoin(ecosystemActors, eq(ecosystemActors.id, ecosystemMissionSignatures.actorId))
    .orderBy(ecosystemMissionSignatures.signedAt);
}

/** Saves a new version (the next number); a save on a stale base is refused so nobody overwrites unseen work. */
export async function saveMissionVersion(
  deps: Deps,
  opts: { user: CurrentUser | null; base: number; narrative: string; principles: string[]; changeNote: string },
): Promise<{ number: number }> {
  const user = requireOrchestrator(opts.user);
  return deps.database.db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ number: ecosystemMissionVersions.number })
      .from(ecosystemMissionVersions)
      .orderBy(desc(ecosystemMissionVersions.number))
      .limit(1);
    const current = latest?.number ?? 0;
    if (opts.base !== current) throw new AppError('conflict', 'eco.mission.error.stale', { field: 'narrative' });
    const now = deps.now();
    const number = current + 1;
    await tx.insert(ecosystemMissionVersions).values({
      number,
      narrative: opts.narrative,
      principles: opts.principles,
      changeNote: opts.changeNote,
      authorUserId: user.id,
      authorName: user.name,
      createdAt: now,
    });
    await recordAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: 'ecosystem.mission.version_saved',
      details: { number },
      at: now,
    });
    return { number };
  });
}

/** A person of the actor signs on to the mission for the actor (once per actor). */
export async function signMission(deps: Deps, opts: { user: CurrentUser | null; actorId: string }): Promise<void> {
  // Only the actor's own people sign for it (not even the orchestrator signs for another actor).
  const user = requireUser(opts.user);
  const mine = await actorsOfUser(deps, { user });
  if (!mine.some((a) => a.actorId === opts.actorId)) throw new AppError('forbidden', 'error.forbidden.body');
  await deps.database.db.transaction(async (tx) => {
    const [actor] = await tx.select({ id: ecosystemActors.id }).from(ecosystemActors).where(eq(ecosystemActors.id, opts.actorId));
    if (!actor) throw new AppError('not_found', 'error.notFound.body');
    const [latest] = await tx
      .select({ number: ecosystemMissionVersions.number })
      .from(ecosystemMissionVersions)
      .orderBy(desc(ecosystemMissionVersions.number))
      .limit(1);
    const now = deps.now();
    const inserted = await tx
      .insert(ecosystemMissionSignatures)
      .values({ actorId: actor.id, signedByUserId: user.id, signedByName: user.name, versionNumber: latest?.number ?? 0, signedAt: now })
      .onConflictDoNothing()
      .returning({ actorId: ecosystemMissionSignatures.actorId });
    if (inserted.length === 0) throw new AppError('conflict', 'eco.mission.error.signed');
    await recordAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: 'ecosystem.mission.signed',
      details: { actorId: actor.id },
      at: now,
    });
  });
}
