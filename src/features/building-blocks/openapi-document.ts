import { apiRoutes } from '../api/api.routes.ts';

/**
 * Frivillig's own OpenAPI document, read from the API sub-app exactly as /api/v1/openapi.json serves it, so
 * the catalogue and the API reference page list every endpoint without anyone editing them (issue 5, item 4).
 * Built once per process: the document only changes when the code does.
 */
export const API_BASE = '/api/v1';

export interface ApiParameter {
  name: string;
  in: string;
  required: boolean;
  description: string;
  type: string;
}
export interface ApiEndpoint {
  method: string;
  path: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: ApiParameter[];
  responses: { status: string; description: string }[];
}
export interface ApiDocument {
  title: string;
  version: string;
  description: string;
  endpoints: ApiEndpoint[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function schemaType(schema: unknown): string {
  const s = obj(schema);
  if (typeof s.$ref === 'string') return s.$ref.split('/').pop() ?? '';
  if (Array.isArray(s.enum)) return s.enum.map(String).join(' | ');
  if (s.type === 'array') return `${schemaType(s.items)}[]`;
  return Array.isArray(s.type) ? s.type.join(' | ') : str(s.type);
}

/** Turns an OpenAPI 3.x document into the endpoints we show (unknown shapes are skipped field by field). */
export function endpointsOf(document: unknown): ApiDocument {
  const doc = obj(document);
  const info = obj(doc.info);
  const endpoints: ApiEndpoint[] = [];
  for (const [path, item] of Object.entries(obj(doc.paths))) {
    for (const method of METHODS) {
      const op = obj(obj(item)[method]);
      if (Object.keys(op).length === 0) continue;
      endpoints.push({
        method: method.toUpperCase(),
        path: `${API_BASE}${path}`,
        summary: str(op.summary),
        description: str(op.description),
        tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
        parameters: (Array.isArray(op.parameters) ? op.parameters : []).map((p) => {
          const param = obj(p);
          return {
            name: str(param.name),
            in: str(param.in),
            required: param.required === true,
            description: str(param.description),
            type: schemaType(param.schema),
          };
        }),
        responses: Object.entries(obj(op.responses)).map(([status, r]) => ({ status, description: str(obj(r).description) })),
      });
    }
  }
  return { title: str(info.title), version: str(info.version), description: str(info.description), endpoints };
}

let cached: Promise<ApiDocument> | undefined;

export function readOwnApiDocument(): Promise<ApiDocument> {
  cached ??= (async () => {
    const res = await apiRoutes().request('/openapi.json');
    if (!res.ok) throw new Error(`OpenAPI document: HTTP ${res.status}`);
    return endpointsOf(await res.json());
  })().catch((err) => {
    cached = undefined;
    throw err;
  });
  return cached;
}
