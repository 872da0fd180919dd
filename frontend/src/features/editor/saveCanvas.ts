import { api, ApiError } from '../../api/client';
import type { SavedGraph } from '../../api/types';
import { fromFlow, type GraphBody } from '../../stores/flow';
import { useGraph } from '../../stores/graph';
import { useProblems } from '../../stores/problems';
import { graphErrors } from './graphErrors';

/**
 * SaveResult is how a save went: saved (with the workflow as saved), refused
 * because the workflow was saved elsewhere since this tab loaded it
 * (conflict, with the server's explanation), or failed for another reason
 * (with the body sent, which the error's locations index into).
 */
export type SaveResult =
  | { kind: 'saved'; saved: SavedGraph }
  | { kind: 'conflict'; message: string }
  | { kind: 'failed'; error: unknown; body: GraphBody };

/**
 * saveCanvas PUTs the canvas with the version it was loaded or last saved
 * at, so the server refuses to save over a newer one; overwrite leaves the
 * version out and saves over whatever is there. A save records the new
 * version and shows the save's warnings on the nodes.
 */
export async function saveCanvas(workflowId: string, overwrite = false): Promise<SaveResult> {
  const { nodes, edges, version, revision } = useGraph.getState();
  const body: GraphBody = { ...fromFlow(nodes, edges), ...(!overwrite && version !== null ? { version } : {}) };
  try {
    const saved = await api.saveGraph(workflowId, body);
    useGraph.getState().markSaved(saved.version, revision);
    useProblems.getState().saved(graphErrors(saved.warnings ?? [], body));
    return { kind: 'saved', saved };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return { kind: 'conflict', message: error.message };
    return { kind: 'failed', error, body };
  }
}
