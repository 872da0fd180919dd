import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { NodeSpec, NodeType } from '../api/types';

/** useCatalog loads the node catalog once (palette, forms, ports). */
export function useCatalog() {
  const q = useQuery({ queryKey: ['node-types'], queryFn: api.nodeTypes, staleTime: Infinity });
  const byType = Object.fromEntries((q.data?.node_types ?? []).map((s) => [s.type, s])) as Record<NodeType, NodeSpec>;
  return { specs: q.data?.node_types ?? [], byType, loading: q.isLoading };
}

/** canConnect says whether an output may feed an input, by port kind. */
export function canConnect(out: string | undefined, into: string | undefined, openInputs: boolean): boolean {
  if (openInputs || !out || !into) return true;
  if (out === into) return true;
  if (out === 'data') return into === 'text';
  if (out === 'image') return into === 'images';
  return false;
}
