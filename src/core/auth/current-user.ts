export type PlatformRole = 'public_official' | 'orchestrator' | 'administrator';

export interface CurrentUser {
  id: string;
  name: string;
  email: string | null;
  platformRoles: PlatformRole[];
  sessionIdHash: string;
}
