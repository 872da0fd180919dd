import type {
  BrandKit, BrandKitBody, BrandKitPatch, EstimateBody, Fonts, LayoutPreviewBody, Me, NodeSpec, ProblemDetail, Reply, RequestBody, RunOptions, SavedGraph, UploadedFont, Usage, UsageGrouping, WorkflowSummary,
} from './types';

/** ApiError carries the backend's problem+json: a message and field errors. */
export class ApiError extends Error {
  constructor(
    message: string,
    public status: number,
    public errors: ProblemDetail[] = [],
  ) {
    super(message);
  }
}

let tokenSource: () => Promise<string | null> = async () => null;

/** setTokenSource sets where the Supabase access token comes from. */
export function setTokenSource(fn: () => Promise<string | null>) {
  tokenSource = fn;
}

/** authHeaders returns the Authorization header when signed in. */
export async function authHeaders(): Promise<Record<string, string>> {
  const token = await tokenSource();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** send calls the API with a JSON or multipart body and the auth header; it throws ApiError with the server's detail when it fails. */
async function send(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { ...(await authHeaders()) };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload, signal });
  if (!res.ok) {
    const data = await res.json().catch(() => ({}));
    throw new ApiError(data.detail ?? res.statusText, res.status, data.errors ?? []);
  }
  return res;
}

/** request calls the API and answers its JSON; it throws ApiError with the server's detail. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  if (res.status === 204) return undefined as T;
  return (await res.json().catch(() => ({}))) as T;
}

/** FileReply is a file the API answered (a PNG, a zip) and the name it gave it (Content-Disposition), if any. */
export type FileReply = { blob: Blob; name: string | null };

/** requestFile calls an API that answers a file rather than JSON; it throws ApiError as request does. */
export async function requestFile(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<FileReply> {
  const res = await send(method, path, body, signal);
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? null;
  return { blob: await res.blob(), name };
}

/** form makes a multipart body of named fields (files and text). */
function form(fields: Record<string, string | Blob>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

/** api lists every call the frontend makes; request and reply types come from the OpenAPI document. */
export const api = {
  config: () => request<Reply<'config'>>('GET', '/api/config'),
  // The catalog's config_schema is typed as JSON Schema (NodeSpec) rather than the document's unknown.
  nodeTypes: () => request<{ node_types: NodeSpec[] | null }>('GET', '/api/node-types'),
  listWorkflows: () => request<{ workflows: WorkflowSummary[] | null }>('GET', '/api/workflows'),
  /** createWorkflow makes a workflow, empty or from a starter of GET /api/starters. */
  createWorkflow: (name: string, starter?: string) =>
    request<Reply<'create-workflow'>>('POST', '/api/workflows', (starter ? { name, starter } : { name }) satisfies RequestBody<'create-workflow'>),
  starters: () => request<Reply<'starters'>>('GET', '/api/starters'),
  getWorkflow: (id: string) => request<Reply<'get-workflow'>>('GET', `/api/workflows/${id}`),
  renameWorkflow: (id: string, name: string) => request<Reply<'patch-workflow'>>('PATCH', `/api/workflows/${id}`, { name } satisfies RequestBody<'patch-workflow'>),
  deleteWorkflow: (id: string) => request<void>('DELETE', `/api/workflows/${id}`),
  /** saveGraph saves the graph; with body.version, a save over a newer version answers 409. */
  saveGraph: (id: string, body: RequestBody<'put-graph'>) => request<SavedGraph>('PUT', `/api/workflows/${id}/graph`, body),
  /** estimate prices a run of the saved graph, or of the graph body sends (unsaved edits; a graph a save would refuse answers 422). */
  estimate: (id: string, body?: EstimateBody) => request<Reply<'estimate'>>('POST', `/api/workflows/${id}/estimate`, body),
  /** execute starts a run; options run some nodes anew (fresh) or only up to one node (until). A run the budget cannot cover answers 402. */
  execute: (id: string, options?: RunOptions) => request<Reply<'execute'>>('POST', `/api/workflows/${id}/execute`, options),
  step: (id: string) => request<Reply<'step'>>('POST', `/api/executions/${id}/step`),
  resume: (id: string) => request<Reply<'resume'>>('POST', `/api/executions/${id}/resume`),
  cancel: (id: string) => request<Reply<'cancel'>>('POST', `/api/executions/${id}/cancel`),
  execution: (id: string) => request<Reply<'get-execution'>>('GET', `/api/executions/${id}`),
  executions: (workflowId: string, limit: number) => request<Reply<'list-executions'>>('GET', `/api/workflows/${workflowId}/executions?limit=${limit}`),
  upload: (file: File) => request<Reply<'upload'>>('POST', '/api/uploads', form({ image: file })),
  placements: () => request<Reply<'placements'>>('GET', '/api/placements'),
  brandKits: () => request<Reply<'list-brand-kits'>>('GET', '/api/brand-kits'),
  createBrandKit: (body: BrandKitBody) => request<BrandKit>('POST', '/api/brand-kits', body),
  /** updateBrandKit changes the fields body gives (a JSON merge patch: null clears an optional one). */
  updateBrandKit: (id: string, body: BrandKitPatch) => request<BrandKit>('PATCH', `/api/brand-kits/${id}`, body),
  deleteBrandKit: (id: string) => request<void>('DELETE', `/api/brand-kits/${id}`),
  fonts: () => request<Fonts>('GET', '/api/fonts'),
  /** uploadFont stores a TTF or OTF font; a file that is not one answers 422 at body.font. */
  uploadFont: (file: File, name: string) => request<UploadedFont>('POST', '/api/fonts', form({ font: file, name })),
  /** layoutPreview draws a layout at a placement on a sample picture (a PNG); text that cannot fit answers 422. */
  layoutPreview: (body: LayoutPreviewBody, signal?: AbortSignal) => requestFile('POST', '/api/layout-preview', body, signal),
  /** exportRun answers a run's final ads as a zip with a manifest. */
  exportRun: (executionId: string) => requestFile('GET', `/api/executions/${executionId}/export`),
  me: () => request<Me>('GET', '/api/me'),
  setBudget: (monthlyUsd: number | null) => request<Me>('PUT', '/api/me/budget', { monthly_usd: monthlyUsd } satisfies RequestBody<'set-budget'>),
  usage: (from: string, to: string, group: UsageGrouping) => request<Usage>('GET', `/api/usage?${new URLSearchParams({ from, to, group })}`),
};
