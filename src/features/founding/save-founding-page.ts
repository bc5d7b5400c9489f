import type { z } from 'zod';
import { recordAudit } from '../../core/audit.ts';
import type { CurrentUser } from '../../core/auth/current-user.ts';
import { requireOrgRole } from '../../core/auth/org-access.ts';
import type { Db } from '../../core/db/client.ts';
import { AppError } from '../../core/errors.ts';
import type { Deps } from '../../core/http/context.ts';
import { recordFormProvenance } from '../../core/prefill/provenance.ts';
import { EDIT_ROLES, pageContext, readFoundingState, workingCopy } from './founding.context.ts';
import type { PageSlug } from './founding.data.ts';
import { pagePrefill } from './founding.prefill.ts';
import { insertDraft, lockOrganisationRow, nextVersion, updateDraft } from './founding.queries.ts';
import { type FormInput, pageSchema } from './founding.schema.ts';

export type SaveResult = { ok: true } | { ok: false; issues: z.core.$ZodIssue[] };

/**
 * Saves one question page of the founding meeting into the draft (starting the draft on the first save).
 * The page's schema validates against the meeting so far; bad input is returned as issues and nothing is
 * written. The first save of a page that showed known values records which were kept, corrected or typed
 * (measured gain); the change and its audit entry are written in one transaction.
 * A finalised protocol is never edited: without a draft, the person must reopen it first (reopen-founding.ts).
 */
export async function saveFoundingPage(
  deps: Deps,
  opts: { user: CurrentUser | null; organisationId: string; page: PageSlug; input: FormInput; uiLang: string },
): Promise<SaveResult> {
  // The role check first: a stranger learns nothing, not even a validation error.
  const access = await requireOrgRole(deps, { user: opts.user, organisationId: opts.organisationId, roles: EDIT_ROLES });
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await lockOrganisationRow(db, opts.organisationId);
    const state = await readFoundingState(deps, db, { ...access, organisationId: opts.organisationId });
    if (!state.draft && state.finalised) throw new AppError('conflict', 'founding.error.finalisedReopen');
    const { data, language } = workingCopy(state, opts.uiLang);
    const parsed = pageSchema(opts.page, pageContext(state, data, language)).safeParse(opts.input);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues };

    const patch = parsed.data;
    const firstSave = !state.draft?.answeredPages.includes(opts.page);
    const answeredPages = [...new Set([...(state.draft?.answeredPages ?? []), opts.page])];
    const next = {
      language: patch.language ?? language,
      data: { ...data, ...patch.data },
      answeredPages,
      userId: state.user.id,
      now: deps.now(),
    };
    let version: number;
    if (state.draft) {
      const saved = await updateDraft(db, { id: state.draft.id, ...next });
      if (!saved) throw new AppError('conflict', 'founding.error.finalisedReopen');
      version = saved.version;
    } else {
      version = await nextVersion(db, opts.organisationId);
      await insertDraft(db, { organisationId: opts.organisationId, version, ...next });
      await recordAudit(db, {
        organisationId: opts.organisationId,
        actorUserId: state.user.id,
        action: 'founding.draft_started',
        details: { version },
        at: next.now,
      });
    }

    const prefilled = pagePrefill(opts.page, state.facts);
    if (firstSave && Object.keys(prefilled).length > 0) {
      await recordFormProvenance(db, {
        organisationId: opts.organisationId,
        userId: state.user.id,
        form: `founding-meeting/${opts.page}`,
        prefilled,
        submitted: submittedFields(opts.page, opts.input, prefilled),
        at: next.now,
      });
    }
    await recordAudit(db, {
      organisationId: opts.organisationId,
      actorUserId: state.user.id,
      action: 'founding.page_saved',
      details: { version, page: opts.page },
      at: next.now,
    });
    return { ok: true };
  });
}

/**
 * The fields as submitted, for provenance: every prefilled field (an unticked member checkbox counts as
 * corrected) and, on the attendees page, each typed name as its own typed field.
 */
function submittedFields(page: PageSlug, input: FormInput, prefilled: Record<string, unknown>): Record<string, string | null> {
  const value = (key: string) => {
    const v = input[key];
    return (Array.isArray(v) ? v[0] : v) ?? null;
  };
  const submitted: Record<string, string | null> = {};
  for (const key of Object.keys(prefilled)) submitted[key] = value(key);
  if (page === 'deltakere') {
    (value('others') ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .forEach((name, i) => {
        submitted[`other-${i + 1}`] = name;
      });
  } else {
    for (const key of Object.keys(input)) if (!(key in submitted)) submitted[key] = value(key);
  }
  return submitted;
}
