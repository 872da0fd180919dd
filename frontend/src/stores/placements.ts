import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Placement } from '../api/types';

/** PlacementCatalog is GET /api/placements: the list, in the server's order (grouped by platform), and each by id. */
export type PlacementCatalog = { list: Placement[]; byId: Record<string, Placement | undefined> };

const empty: PlacementCatalog = { list: [], byId: {} };

/** indexPlacements indexes the placements by id; react-query runs it once per response. */
export function indexPlacements(d: { placements: Placement[] | null }): PlacementCatalog {
  const list = d.placements ?? [];
  return { list, byId: Object.fromEntries(list.map((p) => [p.id, p])) };
}

/** usePlacements loads the platform formats once: the only list of them the frontend has. */
export function usePlacements(): PlacementCatalog & { loading: boolean } {
  const q = useQuery({ queryKey: ['placements'], queryFn: api.placements, staleTime: Infinity, select: indexPlacements });
  return { ...(q.data ?? empty), loading: q.isLoading };
}
