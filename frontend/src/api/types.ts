/** The backend's shapes (field names as in the brief's tables). */
export type NodeType = 'TEXT_INPUT' | 'IMAGE_INPUT' | 'SOCIAL_MEDIA' | 'PROMPT' | 'IMAGE_MODEL' | 'OUTPUT';
export type Json = Record<string, unknown>;

export type WorkflowNode = {
  id: string;
  type: NodeType;
  name: string;
  config: Json;
  position_x: number;
  position_y: number;
  has_breakpoint: boolean;
};

export type WorkflowEdge = {
  id?: string;
  source_node_id: string;
  target_node_id: string;
  source_handle?: string | null;
  target_handle?: string | null;
};

export type Workflow = {
  id: string;
  name: string;
  description: string | null;
  is_active: boolean;
  created_at: string;
  updated_at: string;
  nodes?: WorkflowNode[];
  edges?: WorkflowEdge[];
};

export type Port = { name: string; label: string; kind: string };

export type NodeSpec = {
  type: NodeType;
  label: string;
  description: string;
  config_schema: JsonSchema;
  inputs: Port[];
  outputs: Port[];
  open_inputs: boolean;
  defaults: Json;
};

export type JsonSchema = {
  type?: string;
  title?: string;
  enum?: (string | number)[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  'x-multiline'?: boolean;
  'x-upload'?: boolean;
};

export type NodeExecution = {
  id: string;
  node_id: string;
  status: string;
  input_data: Json | null;
  output_data: Json | null;
  error_message: string | null;
};

export type Generation = { id: string; node_id: string | null; model_id: string; image_urls: string[]; aspect_ratio: string; cost: number | null };

export type Execution = {
  id: string;
  workflow_id: string;
  status: string;
  total_cost: number | null;
  error_message: string | null;
  started_at: string;
  finished_at: string | null;
  current_node_id?: string | null;
  node_executions?: NodeExecution[];
  generations?: Generation[];
};

export type RunEvent = {
  execution_id: string;
  node_id?: string;
  status: string;
  error?: string | null;
  output?: Json | null;
  cost?: number | null;
};

export type PublicConfig = {
  auth_mode: 'local' | 'supabase';
  supabase_url?: string;
  supabase_publishable_key?: string;
  image_generation: 'fal' | 'preview';
  reddit_configured: boolean;
};

export type ProblemDetail = { message: string; location?: string };
