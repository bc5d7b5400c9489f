import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserHarness, fillRegistration, registerLocal, startBrowserHarness } from './helpers.ts';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness();
});
afterEach(() => h.assertEveryPageChecked());
afterAll(async () => {
  await h?.close();
});

describe('journey: inviting a member by e-mail', () => {
  it('the leader invites, the invitee registers through the link and accepts, both see the result', async () => {
    // The leader sets up an organisation.
    const leader = await h.newPage();
    await registerLocal(h, leader, { name: 'Kari Leder', email: 'kari.leder@example.no' });
    await h.visit(leader, '/arbeidsrom/ny');
    await leader.getByLabel('Navnet på organisasjonen').fill('Bygdelaget Framtid');
    await leader.getByLabel('Nei, vi er en gruppe med en idé eller har ikke registrert oss ennå').check();
    await h.navigate(leader, () => leader.getByRole('button', { name: 'Opprett arbeidsrom' }).click());
    const workspacePath = new URL(leader.url()).pathname;

    // …and invites a member, first with a malformed address.
    await h.navigate(leader, () => leader.getByRole('link', { name: 'Inviter noen' }).click());
    expect(new URL(leader.url()).pathname).toBe(`${workspacePath}/invitasjoner/ny`);
    const emailField = leader.getByLabel('E-postadressen til den du vil invitere');
    await emailField.fill('ikke-en-adresse');
    await h.navigate(leader, () => leader.getByRole('button', { name: 'Send invitasjon' }).click());
    await expect(leader.locator('[data-error-summary]').isVisible()).resolves.toBe(true);
    await emailField.fill('per.medlem@example.no');
    await leader.getByLabel('Rolle').selectOption({ label: 'styremedlem' });
    await h.navigate(leader, () => leader.getByRole('button', { name: 'Send invitasjon' }).click());
    expect(new URL(leader.url()).pathname).toBe(`${workspacePath}/medlemmer`);
    await expect(leader.getByRole('status').textContent()).resolves.toContain('Invitasjonen er sendt til per.medlem@example.no');
    await expect(leader.getByRole('main').textContent()).resolves.toContain('per.medlem@example.no');

    // The invitee, in another browser, follows the link from the e-mail.
    const link = await h.invitationLinkFor('per.medlem@example.no');
    expect(link.startsWith(`${h.baseUrl}/invitasjon/`)).toBe(true);
    const invitee = await h.newPage();
    await h.visit(invitee, new URL(link).pathname);
    // Not signed in: the sign-in page, which will bring them back to the invitation.
    expect(new URL(invitee.url()).pathname).toBe('/logg-inn');
    await h.navigate(invitee, () => invitee.getByRole('link', { name: 'Opprett en lokal bruker' }).click());
    expect(new URL(invitee.url()).pathname).toBe('/registrer');
    await fillRegistration(h, invitee, { name: 'Per Medlem', email: 'per.medlem@example.no' });
    expect(invitee.url()).toBe(link);
    await expect(invitee.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Invitasjon til Bygdelaget Framtid');
    await h.navigate(invitee, () => invitee.getByRole('button', { name: 'Takk ja' }).click());
    expect(new URL(invitee.url()).pathname).toBe(workspacePath);
    await expect(invitee.getByRole('status').textContent()).resolves.toContain('Velkommen! Du er nå med i Bygdelaget Framtid.');
    await h.navigate(invitee, () => invitee.getByRole('link', { name: 'Medlemmer og roller' }).click());
    const inviteeRows = invitee.getByRole('row');
    await expect(inviteeRows.filter({ hasText: 'Per Medlem' }).textContent()).resolves.toContain('styremedlem');

    // The link cannot be used twice.
    await h.visit(invitee, new URL(link).pathname, { status: 410 });

    // The leader sees the new member and the audit trail.
    await h.visit(leader, `${workspacePath}/medlemmer`);
    const row = leader.getByRole('row').filter({ hasText: 'Per Medlem' });
    await expect(row.count()).resolves.toBe(1);
    await expect(leader.getByText('Ingen invitasjoner venter på svar.').count()).resolves.toBe(1);
    await h.visit(leader, workspacePath);
    await h.navigate(leader, () => leader.getByRole('link', { name: 'Endringslogg' }).click());
    expect(new URL(leader.url()).pathname).toBe(`${workspacePath}/logg`);
    const log = (await leader.getByRole('table').textContent()) ?? '';
    expect(log).toContain('Opprettet arbeidsrommet');
    expect(log).toContain('Inviterte per.medlem@example.no som styremedlem');
    expect(log).toContain('Per Medlem takket ja til invitasjonen som styremedlem');
  });
});
