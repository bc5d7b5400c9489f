import { Hono } from 'hono';
import type { AppEnv, Deps } from './core/http/context.ts';
import { handleError, handleNotFound } from './core/http/errors.tsx';
import { csrf, language, requestIdAndLogging, securityHeaders, session } from './core/http/middleware.ts';
import { staticFiles } from './core/http/static.ts';
import { adminRoutes } from './features/admin/admin.routes.tsx';
import { apiRoutes } from './features/api/api.routes.ts';
import { authRoutes } from './features/auth/auth.routes.tsx';
import { buildingBlocksRoutes } from './features/building-blocks/building-blocks.routes.tsx';
import { calendarRoutes } from './features/calendar/calendar.routes.tsx';
import { demonstratorsRoutes } from './features/demonstrators/demonstrators.routes.tsx';
import { ecosystemRoutes } from './features/ecosystem/ecosystem.routes.tsx';
import { foundingRoutes } from './features/founding/founding.routes.tsx';
import { gainsRoutes } from './features/gains/gains.routes.tsx';
import { healthRoutes } from './features/health/health.routes.ts';
import { ideaRoutes } from './features/idea/idea.routes.tsx';
import { insightRoutes } from './features/insight/insight.routes.tsx';
import { lifeEventMapRoutes } from './features/life-event-map/life-event-map.routes.tsx';
import { marketplaceRoutes } from './features/marketplace/marketplace.routes.tsx';
import { needsRoutes } from './features/needs/needs.routes.tsx';
import { organisationProfileRoutes } from './features/organisation-profile/organisation-profile.routes.tsx';
import { organisationsRoutes } from './features/organisations/organisations.routes.tsx';
import { pagesRoutes } from './features/pages/pages.routes.tsx';
import { planRoutes } from './features/plan/plan.routes.tsx';
import { portfolioRoutes } from './features/portfolio/portfolio.routes.tsx';
import { registerSearchRoutes } from './features/register-search/register-search.routes.tsx';
import { registerSyncRoutes } from './features/register-sync/register-sync.routes.tsx';
import { registrationRoutes } from './features/registration/registration.routes.tsx';
import { roadmapRoutes } from './features/roadmap/roadmap.routes.tsx';
import { statutesRoutes } from './features/statutes/statutes.routes.tsx';

/**
 * Builds the whole application from its dependencies. Order matters: request id and logging wrap
 * everything; static files and health checks skip sessions; every other route gets language,
 * session and CSRF before its handler.
 */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestIdAndLogging(deps));
  app.use('*', securityHeaders());
  app.route('/', staticFiles({ cacheInMemory: deps.config.NODE_ENV === 'production' }));
  app.route('/', healthRoutes());
  app.use('*', language());
  app.use('*', session(deps));
  app.use('*', csrf(deps));
  app.route('/', pagesRoutes());
  app.route('/', authRoutes(deps));
  app.route('/', organisationsRoutes());
  app.route('/', adminRoutes());
  app.route('/', registerSearchRoutes());
  app.route('/', organisationProfileRoutes());
  app.route('/', registerSyncRoutes());
  app.route('/', statutesRoutes());
  app.route('/', foundingRoutes());
  app.route('/', lifeEventMapRoutes());
  app.route('/', ideaRoutes());
  app.route('/', insightRoutes());
  app.route('/', planRoutes());
  app.route('/', calendarRoutes());
  app.route('/', registrationRoutes());
  app.route('/', ecosystemRoutes());
  app.route('/', needsRoutes());
  app.route('/', roadmapRoutes());
  app.route('/', buildingBlocksRoutes());
  app.route('/', gainsRoutes());
  app.route('/', marketplaceRoutes());
  app.route('/', portfolioRoutes());
  app.route('/', demonstratorsRoutes());
  app.route('/api/v1', apiRoutes());
  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
