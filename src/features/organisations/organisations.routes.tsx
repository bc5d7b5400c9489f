import { Hono } from 'hono';
import { requireUser } from '../../core/auth/access.ts';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import { readProvenanceSummary } from '../../core/prefill/provenance.ts';
import { acceptInvitation, findUsableInvitation } from './accept-invitation.ts';
import { changeMemberRole } from './change-member-role.ts';
import { createOrganisation } from './create-organisation.ts';
import { inviteMember } from './invite-member.ts';
import { changeRoleSchema, createOrganisationSchema, inviteSchema } from './organisations.schema.ts';
import {
  AcceptInvitationView,
  AuditLogView,
  CreateOrganisationView,
  InviteView,
  MembersView,
  OrganisationListView,
  WorkspaceView,
} from './organisations.views.tsx';
import { listMyOrganisations, readAuditLog, readMembers, readWorkspace } from './read-workspace.ts';
import { leaveOrganisation, removeMember } from './remove-member.ts';
import { revokeInvitation } from './revoke-invitation.ts';

/**
 * Workspaces. Every route under /arbeidsrom/:orgId is organisation-scoped: its domain function checks
 * the caller's role first (see core/auth/org-access.ts), and a test walks app.routes to prove a stranger
 * is refused on each of them.
 */
export function organisationsRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/arbeidsrom', async (c) => {
    const organisations = await listMyOrganisations(c.get('deps'), { user: c.get('user') });
    return renderPage(c, {
      title: (v) => v.t('orgs.list.title'),
      body: (v) => <OrganisationListView v={v} organisations={organisations} />,
    });
  });

  app.get('/arbeidsrom/ny', (c) => {
    requireUser(c.get('user'));
    return renderPage(c, { title: (v) => v.t('orgs.create.title'), body: (v) => <CreateOrganisationView v={v} /> });
  });

  app.post('/arbeidsrom/ny', async (c) => {
    requireUser(c.get('user'));
    const form = await parseForm(c, createOrganisationSchema);
    const rerender = (errors: Record<string, string>) =>
      renderPage(c, {
        title: (v) => v.t('orgs.create.title'),
        status: 422,
        body: (v) => <CreateOrganisationView v={v} values={form.values} errors={errors} />,
      });
    if (!form.ok) return rerender(form.errors);
    try {
      const { organisationId } = await createOrganisation(c.get('deps'), { user: c.get('user'), ...form.data });
      return redirectAfterPost(c, `/arbeidsrom/${organisationId}`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return rerender({ orgnr: c.get('t')('orgs.error.orgnrTaken') });
      throw error;
    }
  });

  app.get('/arbeidsrom/:orgId', async (c) => {
    const deps = c.get('deps');
    const { organisation, role } = await readWorkspace(deps, { user: c.get('user'), organisationId: c.req.param('orgId') });
    // Read after readWorkspace has checked the caller's role (measured gain panel, core/prefill).
    const prefillGain = await readProvenanceSummary(deps.database.db, { organisationId: organisation.id });
    return renderPage(c, {
      title: organisation.name,
      body: (v) => <WorkspaceView v={v} organisation={organisation} role={role} prefillGain={prefillGain} />,
    });
  });

  app.get('/arbeidsrom/:orgId/medlemmer', async (c) => {
    const data = await readMembers(c.get('deps'), { user: c.get('user'), organisationId: c.req.param('orgId') });
    return renderPage(c, { title: (v) => v.t('orgs.members.title'), body: (v) => <MembersView v={v} {...data} /> });
  });

  app.post('/arbeidsrom/:orgId/medlemmer/:userId/rolle', async (c) => {
    const organisationId = c.req.param('orgId');
    const form = await parseForm(c, changeRoleSchema);
    await changeMemberRole(c.get('deps'), {
      user: c.get('user'),
      organisationId,
      memberUserId: c.req.param('userId'),
      role: form.ok ? form.data.role : null,
    });
    setFlash(c, { key: 'orgs.saved', kind: 'success' });
    return redirectAfterPost(c, `/arbeidsrom/${organisationId}/medlemmer`);
  });

  app.post('/arbeidsrom/:orgId/medlemmer/:userId/fjern', async (c) => {
    const organisationId = c.req.param('orgId');
    await removeMember(c.get('deps'), { user: c.get('user'), organisationId, memberUserId: c.req.param('userId') });
    setFlash(c, { key: 'orgs.saved', kind: 'success' });
    return redirectAfterPost(c, `/arbeidsrom/${organisationId}/medlemmer`);
  });

  app.post('/arbeidsrom/:orgId/forlat', async (c) => {
    const { organisationName } = await leaveOrganisation(c.get('deps'), { user: c.get('user'), organisationId: c.req.param('orgId') });
    setFlash(c, { key: 'orgs.left', params: { name: organisationName }, kind: 'success' });
    return redirectAfterPost(c, '/arbeidsrom');
  });

  app.get('/arbeidsrom/:orgId/invitasjoner/ny', async (c) => {
    const { organisation, role } = await readWorkspace(c.get('deps'), { user: c.get('user'), organisationId: c.req.param('orgId') });
    if (role !== 'leader') throw new AppError('forbidden', 'error.forbidden.body');
    return renderPage(c, {
      title: (v) => v.t('orgs.invite.title', { name: organisation.name }),
      body: (v) => <InviteView v={v} organisation={organisation} />,
    });
  });

  app.post('/arbeidsrom/:orgId/invitasjoner', async (c) => {
    const organisationId = c.req.param('orgId');
    const deps = c.get('deps');
    const form = await parseForm(c, inviteSchema);
    if (!form.ok) {
      // The access check runs before we show anything about the organisation, even a form error.
      const { organisation, role } = await readWorkspace(deps, { user: c.get('user'), organisationId });
      if (role !== 'leader') throw new AppError('forbidden', 'error.forbidden.body');
      return renderPage(c, {
        title: (v) => v.t('orgs.invite.title', { name: organisation.name }),
        status: 422,
        body: (v) => <InviteView v={v} organisation={organisation} values={form.values} errors={form.errors} />,
      });
    }
    const { delivered } = await inviteMember(deps, { user: c.get('user'), organisationId, ...form.data, lang: c.get('lang') });
    setFlash(
      c,
      delivered
        ? { key: 'orgs.invite.sent', params: { email: form.data.email }, kind: 'success' }
        : { key: 'orgs.invite.notDelivered', params: { email: form.data.email }, kind: 'warning' },
    );
    return redirectAfterPost(c, `/arbeidsrom/${organisationId}/medlemmer`);
  });

  app.post('/arbeidsrom/:orgId/invitasjoner/:invitationId/trekk-tilbake', async (c) => {
    const organisationId = c.req.param('orgId');
    await revokeInvitation(c.get('deps'), { user: c.get('user'), organisationId, invitationId: c.req.param('invitationId') });
    setFlash(c, { key: 'orgs.saved', kind: 'success' });
    return redirectAfterPost(c, `/arbeidsrom/${organisationId}/medlemmer`);
  });

  app.get('/arbeidsrom/:orgId/logg', async (c) => {
    const { organisation, events } = await readAuditLog(c.get('deps'), { user: c.get('user'), organisationId: c.req.param('orgId') });
    return renderPage(c, {
      title: (v) => v.t('orgs.audit.title', { name: organisation.name }),
      body: (v) => <AuditLogView v={v} organisation={organisation} events={events} />,
    });
  });

  // The invitation link. Signing in first is required; the sign-in page brings the person back here.
  app.get('/invitasjon/:token', async (c) => {
    const invitation = await findUsableInvitation(c.get('deps'), { token: c.req.param('token') });
    requireUser(c.get('user'));
    return renderPage(c, {
      title: (v) => v.t('orgs.accept.title', { name: invitation.organisationName }),
      body: (v) => (
        <AcceptInvitationView v={v} token={c.req.param('token')} organisationName={invitation.organisationName} role={invitation.role} />
      ),
    });
  });

  app.post('/invitasjon/:token', async (c) => {
    const result = await acceptInvitation(c.get('deps'), { user: c.get('user'), token: c.req.param('token') });
    setFlash(c, {
      key: result.alreadyMember ? 'orgs.accept.already' : 'orgs.accept.done',
      params: { name: result.organisationName },
      kind: 'success',
    });
    return redirectAfterPost(c, `/arbeidsrom/${result.organisationId}`);
  });

  return app;
}
