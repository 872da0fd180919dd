import type { components, operations } from './schema.gen';

/** Schemas are the API's named shapes, generated from the backend's OpenAPI document (schema.gen.ts). */
type Schemas = components['schemas'];

/** Reply is the JSON body of an operation's success response (200 or 201). */
export type Reply<Op extends keyof operations> = {
  [S in keyof operations[Op]['responses']]: S extends 200 | 201
    ? operations[Op]['responses'][S] extends { content: { 'application/json': infer T } } ? T : never
    : never;
}[keyof operations[Op]['responses']];

/** RequestBody is the JSON body an operation takes. */
export type RequestBody<Op extends keyof operations> = operations[Op] extends { requestBody: { content: { 'application/json': infer T } } } ? T : never;

/** NodeType is one of the registered node types (the enum of GraphNode.type). */
export type NodeType = Schemas['GraphNode']['type'];
/** GraphNode is a node as PUT .../graph takes it. */
export type GraphNode = Schemas['GraphNode'];
/** GraphEdge is an edge as PUT .../graph takes it. */
export type GraphEdge = Schemas['GraphEdge'];
/** Workflow is a workflow with its saved graph. */
export type Workflow = Schemas['Workflow'];
/** Port is one input or output of a node type. */
export type Port = Schemas['Port'];
/** PortKind is what flows through a port. */
export type PortKind = Port['kind'];
/** InputPort is an input of a node type, with the kinds of output it accepts (the server's connection rule). */
export type InputPort = Schemas['InputPort'];
/** NodeExecution is one node's state in a run. */
export type NodeExecution = Schemas['NodeExecution'];
/** Execution is a run with its node states and generations. */
export type Execution = Schemas['ExecutionDetail'];
/** RunEvent is one change of a run or node, as the event stream sends it ("change" events). */
export type RunEvent = Schemas['Event'];
/** RunSnapshot is the first event of the stream ("snapshot"): the execution as it stands. */
export type RunSnapshot = Schemas['Snapshot'];
/** PublicConfig is what the frontend needs to sign in. */
export type PublicConfig = Schemas['Public'];
/** ProblemDetail is one located error of a problem+json answer. */
export type ProblemDetail = Schemas['ErrorDetail'];
/** GraphWarning is a likely problem a save found but did not refuse, located as errors are. */
export type GraphWarning = Schemas['Warning'];
/** SavedGraph is what PUT .../graph answers: the saved workflow, its new version, and warnings. */
export type SavedGraph = Reply<'put-graph'>;
/** RunSummary is a run without its nodes, as lists and the workflow's stream give it. */
export type RunSummary = Schemas['Execution'];
/** RunStatus is a run's or a node's status, as events carry it. */
export type RunStatus = RunEvent['status'];
/** Progress is how a running node's outside work stands (FAL's queue, then generating). */
export type Progress = Schemas['Progress'];
/** FinalRecord is one final ad a run delivered, as a record: where it is and what made it. */
export type FinalRecord = Schemas['Final'];
/** Generation is one image model request of a run: its prompt, model, parameters, images and cost. */
export type Generation = Schemas['Generation'];
/** Starter is a ready-to-run workflow a new one can start from; missing lists what this server lacks to run it. */
export type Starter = Schemas['StarterInfo'];
/** LastRun is a workflow's newest run as the list shows it. */
export type LastRun = Schemas['LastRunSummary'];
/**
 * WorkflowSummary is a workflow as the list shows it. The server sends
 * last_run: null for a workflow never run, which its document does not say
 * (the field is not marked nullable there), hence the override.
 */
export type WorkflowSummary = Omit<Schemas['WorkflowSummary'], 'last_run'> & { last_run: LastRun | null };

/** PascalCase turns a node type (SOCIAL_MEDIA) into the stem of its schema name (SocialMedia). */
type PascalCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Capitalize<Lowercase<Head>>}${PascalCase<Tail>}`
  : Capitalize<Lowercase<S>>;

/** ConfigName is the name of a node type's config schema in the OpenAPI document (SOCIAL_MEDIA → SocialMediaConfig). */
export type ConfigName<T extends string> = `${PascalCase<T>}Config`;

/**
 * NodeConfig is the config of a node type: the generated schema named after it
 * (PROMPT → PromptConfig), or an open record for a type that has none.
 */
export type NodeConfig<T extends NodeType = NodeType> = T extends NodeType
  ? ConfigName<T> extends keyof Schemas
    ? Schemas[ConfigName<T>]
    : Record<string, unknown>
  : never;

/** NodeSpec is one node type of the catalog; its config_schema is read as JSON Schema. */
export type NodeSpec = Omit<Schemas['Spec'], 'config_schema'> & { config_schema: JsonSchema };

/** ModelInfo is one image model of IMAGE_MODEL's x-models: its own ranges and price. */
export type ModelInfo = Schemas['ServedModel'];

/** ModelMode is how a model generates in one mode (text-to-image or image-to-image). */
export type ModelMode = Schemas['ServedEndpoint'];

/** Quote is what a node will generate and cost, as POST .../estimate says it per node. */
export type Quote = Schemas['NodeCost'];

/** Placement is one platform format an Output can deliver (GET /api/placements): exact size, safe zone, file limit. */
export type Placement = Schemas['Placement'];
/** SafeZone is the share of each edge of a placement kept free of text and logo (0.14: the outer 14%). */
export type SafeZone = Schemas['Safe'];
/** PlacementId is one of OUTPUT's placement ids, as its config schema lists them. */
export type PlacementId = NonNullable<Schemas['OutputConfig']['placements']>[number];
/** BrandKit is a saved brand kit: logo, colours and fonts. */
export type BrandKit = Schemas['BrandKit'];
/** BrandKitBody is what creating a brand kit takes. */
export type BrandKitBody = Schemas['BrandKitBody'];
/** BrandKitPatch is what changing a brand kit takes: a JSON merge patch (left out: kept; null: cleared). */
export type BrandKitPatch = Schemas['BrandKitBodyPatch'];
/** FontFamily is a font family bundled with the server. */
export type FontFamily = Schemas['Family'];
/** UploadedFont is a font the user uploaded. */
export type UploadedFont = Schemas['Font'];
/** Fonts are the fonts a brand kit may use: bundled families and the user's uploads. */
export type Fonts = Reply<'fonts'>;
/** EstimateBody is what an estimate may take: run options, and an unsaved graph to price instead of the saved one. */
export type EstimateBody = Omit<Schemas['EstimateBody'], 'fresh'> & Pick<RunOptions, 'fresh'>;
/** LayoutPreviewBody is what POST /api/layout-preview takes: an ad layout at one placement. */
export type LayoutPreviewBody = Schemas['LayoutPreviewInputBody'];
/** Me is the signed-in user with their monthly budget and this month's spend. */
export type Me = Reply<'me'>;
/** UsageGroup is one group of a usage report: a day, a workflow or a model, with its totals. */
export type UsageGroup = Schemas['UsageGroup'];
/** Usage is GET /api/usage's answer: a period's groups and total. */
export type Usage = Reply<'usage'>;
/** UsageGrouping is how a usage report groups spending. */
export type UsageGrouping = NonNullable<NonNullable<operations['usage']['parameters']['query']>['group']>;
/**
 * RunOptions are execute's options: fresh runs the listed nodes (and what
 * follows them) anew, or everything with true; until runs only that node
 * and what it needs. (The document types fresh as unknown: it is true or a list.)
 */
export type RunOptions = { fresh?: true | string[]; until?: string };

/** ModelParam is one parameter's range for a model (from x-models). */
export type ModelParam = Schemas['ServedRange'];

/** JsonSchema is the part of JSON Schema (with our x- extensions) the forms read; it describes JSON Schema, not our API. */
export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: (string | number)[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  /** pattern's meaning in words ends the description ("… A colour as #rrggbb."). */
  pattern?: string;
  default?: unknown;
  'x-ui'?: 'multiline' | 'upload';
  'x-order'?: string[];
  'x-models'?: ModelInfo[];
  /** x-enum-labels names enum values for people ("match_output" → "Match the Output"). */
  'x-enum-labels'?: Record<string, string>;
};
