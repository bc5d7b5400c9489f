import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('has defaults that run the embedded database on port 3000', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.localSignInEnabled).toBe(true);
    expect(c.oidcEnabled).toBe(false);
  });

  it('names the bad variable', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems.map((p) => p.variable);
      }
      return [];
    };
    expect(attempt({ PORT: 'eighty' })).toEqual(['PORT']);
    expect(attempt({ PORT: '70000' })).toEqual(['PORT']);
    expect(attempt({ DATABASE_URL: 'mysql://x' })).toEqual(['DATABASE_URL']);
    expect(attempt({ OIDC_ISSUER: 'https://idporten.no' })).toEqual(['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']);
    expect(attempt({ NODE_ENV: 'production' })).toEqual(['SESSION_SECRET', 'FNR_ENCRYPTION_KEY']);
    expect(() => loadConfig({ PORT: 'x' })).toThrow(/PORT: /);
  });

  it('turns local sign-in off when OIDC is configured', () => {
    const c = loadConfig({ OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' });
    expect(c.oidcEnabled).toBe(true);
    expect(c.localSignInEnabled).toBe(false);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });
});
