import { z } from 'zod';
import { isValidOrgnr, normaliseOrgnr } from '../../core/validators/orgnr.ts';

export const ORG_ROLES = ['leader', 'board_member', 'treasurer', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const orgRoleSchema = z.enum(ORG_ROLES, { message: 'orgs.error.roleInvalid' });

export const createOrganisationSchema = z
  .object({
    registered: z.enum(['yes', 'no'], { message: 'orgs.error.registeredRequired' }),
    name: z.string().trim().min(1, { message: 'orgs.error.nameRequired' }).max(175, { message: 'orgs.error.nameTooLong' }),
    orgnr: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.registered !== 'yes') return;
    const orgnr = normaliseOrgnr(v.orgnr ?? '');
    if (!orgnr) ctx.addIssue({ code: 'custom', path: ['orgnr'], message: 'orgs.error.orgnrRequired' });
    else if (!isValidOrgnr(orgnr)) ctx.addIssue({ code: 'custom', path: ['orgnr'], message: 'orgs.error.orgnrInvalid' });
  })
  .transform((v) => ({ name: v.name, orgnr: v.registered === 'yes' ? normaliseOrgnr(v.orgnr ?? '') : null }));

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'auth.error.emailInvalid' })),
  role: orgRoleSchema,
});

export const changeRoleSchema = z.object({ role: orgRoleSchema });
