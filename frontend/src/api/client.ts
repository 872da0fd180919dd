import type { Execution, NodeSpec, ProblemDetail, PublicConfig, Workflow, WorkflowEdge, WorkflowNode } from './types';

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

/** api lists every call the frontend makes. */
export const api = {
  config: () => request<PublicConfig>('GET', '/api/config'),
  nodeTypes: () => request<{ node_types: NodeSpec[] }>('GET', '/api/node-types'),
  listWorkflows: () => request<{ workflows: Workflow[] }>('GET', '/api/workflows'),
  createWorkflow: (name: string) => request<Workflow>('POST', '/api/workflows', { name }),
  getWorkflow: (id: string) => request<Workflow>('GET', `/api/workflows/${id}`),
  renameWorkflow: (id: string, name: string) => request<Workflow>('PATCH', `/api/workflows/${id}`, { name }),
  deleteWorkflow: (id: string) => request<void>('DELETE', `/api/workflows/${id}`),
  saveGraph: (id: string, nodes: WorkflowNode[], edges: WorkflowEdge[]) => request<Workflow>('PUT', `/api/workflows/${id}/graph`, { nodes, edges }),
  estimate: (id: string) => request<{ total_cost: number; nodes: { node_id: string; cost: number }[] }>('POST', `/api/workflows/${id}/estimate`),
  execute: (id: string) => request<{ execution_id: string; status: string }>('POST', `/api/workflows/${id}/execute`),
  step: (id: string) => request<{ status: string; current_node_id: string | null }>('POST', `/api/executions/${id}/step`),
  resume: (id: string) => request<{ status: string }>('POST', `/api/executions/${id}/resume`),
  cancel: (id: string) => request<{ status: string }>('POST', `/api/executions/${id}/cancel`),
  execution: (id: string) => request<Execution>('GET', `/api/executions/${id}`),
  executions: (workflowId: string) => request<{ executions: Execution[] }>('GET', `/api/workflows/${workflowId}/executions?limit=50`),
  upload: (file: File) => {
    const form = new FormData();
    form.append('image', file);
    return request<{ url: string }>('POST', '/api/uploads', form);
  },
};
