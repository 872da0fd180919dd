import type { NodeSpec, ProblemDetail, Reply, RequestBody, SavedGraph, WorkflowSummary } from './types';

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

/** request calls the API and throws ApiError with the server's detail. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { ...(await authHeaders()) };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(path, { method, headers, body: payload });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(data.detail ?? res.statusText, res.status, data.errors ?? []);
  return data as T;
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
  estimate: (id: string) => request<Reply<'estimate'>>('POST', `/api/workflows/${id}/estimate`),
  execute: (id: string) => request<Reply<'execute'>>('POST', `/api/workflows/${id}/execute`),
  step: (id: string) => request<Reply<'step'>>('POST', `/api/executions/${id}/step`),
  resume: (id: string) => request<Reply<'resume'>>('POST', `/api/executions/${id}/resume`),
  cancel: (id: string) => request<Reply<'cancel'>>('POST', `/api/executions/${id}/cancel`),
  execution: (id: string) => request<Reply<'get-execution'>>('GET', `/api/executions/${id}`),
  executions: (workflowId: string, limit: number) => request<Reply<'list-executions'>>('GET', `/api/workflows/${workflowId}/executions?limit=${limit}`),
  upload: (file: File) => {
    const form = new FormData();
    form.append('image', file);
    return request<Reply<'upload'>>('POST', '/api/uploads', form);
  },
};
