import { Hono } from 'hono';
import { AppError } from '../../core/errors.ts';
import { parseForm } from '../../core/forms.ts';
import type { AppEnv } from '../../core/http/context.ts';
import { setFlash } from '../../core/http/flash.ts';
import { redirectAfterPost, renderPage } from '../../core/http/render.tsx';
import { platformRolesFormSchema } from './admin.schema.ts';
import { PlatformLogView, UsersView } from './admin.views.tsx';
import { listUsersForAdmin, readPlatformLog, setPlatformRoles } from './manage-platform-roles.ts';

/** Platform administration: only people with the administrator platform role. */
export function adminRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/admin/brukere', async (c) => {
    const query = c.req.query('q') ?? '';
    const users = await listUsersForAdmin(c.get('deps'), { user: c.get('user'), query });
    return renderPage(c, { title: (v) => v.t('admin.users.title'), body: (v) => <UsersView v={v} query={query} users={users} /> });
  });

  app.post('/admin/brukere/:userId/roller', async (c) => {
    const form = await parseForm(c, platformRolesFormSchema);
    if (!form.ok) throw new AppError('validation', 'error.validation.title');
    try {
      await setPlatformRoles(c.get('deps'), { user: c.get('user'), targetUserId: c.req.param('userId'), roles: form.data.roles });
      setFlash(c, { key: 'orgs.saved', kind: 'success' });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
      setFlash(c, { key: 'admin.users.lastAdmin', kind: 'warning' });
    }
    return redirectAfterPost(c, '/admin/brukere');
  });

  app.get('/admin/logg', async (c) => {
    const events = await readPlatformLog(c.get('deps'), { user: c.get('user') });
    return renderPage(c, { title: (v) => v.t('admin.log.title'), body: (v) => <PlatformLogView v={v} events={events} /> });
  });

  return app;
}
