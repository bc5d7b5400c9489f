// The form controls moved to src/core/form-fields.tsx (shared by every feature); this re-export keeps the
// registration and marketplace imports working while they move over.
export * from '../../core/form-fields.tsx';
