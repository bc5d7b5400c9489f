import type { CurrentUser } from '../../core/auth/current-user.ts';
import type { Db } from '../../core/db/client.ts';
import type { Deps } from '../../core/http/context.ts';
import { type Prefilled, recordFormProvenance } from '../../core/prefill/provenance.ts';
import { commitContentChange, lockEditablePackage, requireEditor } from './package-access.ts';
import type { PackageData } from './registration.schema.ts';

export type AnswerSection = 'organisation' | 'address' | 'contactDetails' | 'roles' | 'questions' | 'frr' | 'grasrot';

/**
 * Saves one question page of the package (already parsed by its zod schema). Every submit records the measured gain
 * field by field (core/prefill/provenance.ts): a field equal to what the platform knew (statutes, founding meeting,
 * profile, declared facts) was kept, a different one corrected, one the platform could not know typed. A save after
 * confirmations were given makes them stop counting, and says so.
 */
export async function saveSection<S extends AnswerSection>(
  deps: Deps,
  opts: {
    user: CurrentUser | null;
    organisationId: string;
    section: S;
    value: NonNullable<PackageData[S]>;
    /** The raw form fields, for the provenance record (values are never stored there). */
    submitted: Record<string, string | undefined>;
    prefilled: Prefilled;
  },
): Promise<{ invalidated: number }> {
  const { user } = await requireEditor(deps, opts);
  const now = deps.now();
  return deps.database.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const pkg = await lockEditablePackage(db, opts.organisationId);
    const data = { ...(pkg.data as PackageData) };
    (data as Record<string, unknown>)[opts.section] = opts.value;
    // Grasrotandelen belongs to the FRR registration: saying no to FRR clears it, so no stale answer is sent.
    if (opts.section === 'frr' && (opts.value as PackageData['frr'])?.register === false) delete data.grasrot;
    const result = await commitContentChange(db, {
      pkg,
      data,
      userId: user.id,
      at: now,
      action: 'registration.section_saved',
      details: { section: opts.section },
    });
    await recordFormProvenance(db, {
      organisationId: opts.organisationId,
      userId: user.id,
      form: `registration.${opts.section}`,
      prefilled: opts.prefilled,
      submitted: opts.submitted,
      at: now,
    });
    return result;
  });
}
