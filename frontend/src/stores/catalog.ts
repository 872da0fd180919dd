import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client';
import type { InputPort, NodeSpec, PortKind } from '../api/types';

/** Catalog is the node types of GET /api/node-types: the only list of them the frontend has. */
export type Catalog = { specs: NodeSpec[]; byType: Record<string, NodeSpec | undefined> };

const empty: Catalog = { specs: [], byType: {} };

/** indexCatalog indexes the catalog by node type; react-query runs it once per response. */
export function indexCatalog(d: { node_types: NodeSpec[] | null }): Catalog {
  const specs = d.node_types ?? [];
  return { specs, byType: Object.fromEntries(specs.map((s) => [s.type, s])) };
}

/** useCatalog loads the node catalog once (palette, forms, ports, icons). */
export function useCatalog(): Catalog & { loading: boolean } {
  const q = useQuery({ queryKey: ['node-types'], queryFn: api.nodeTypes, staleTime: Infinity, select: indexCatalog });
  return { ...(q.data ?? empty), loading: q.isLoading };
}

/** useSpec returns one node type's catalog entry (undefined while loading or when unknown). */
export function useSpec(type: string): NodeSpec | undefined {
  return useCatalog().byType[type];
}

/**
 * useModelLabel returns a function naming an image model for people, by its
 * id or one of its endpoints ("fal-ai/flux/dev/image-to-image" → "FLUX
 * dev"), from the catalog's x-models; an unknown id reads as itself.
 */
export function useModelLabel(): (id: string) => string {
  const models = useCatalog().byType.IMAGE_MODEL?.config_schema['x-models'];
  return useMemo(() => {
    const labels = new Map<string, string>();
    for (const m of models ?? []) {
      for (const key of [m.id, m.text_to_image.endpoint, m.image_to_image?.endpoint]) if (key) labels.set(key, m.label);
    }
    return (id: string) => labels.get(id) ?? id;
  }, [models]);
}

/**
 * canConnect says whether an output of a kind may feed an input, by what the
 * catalog says the input accepts: the server's rule, which it enforces when
 * the graph is saved (every kind on a node with open inputs). A handle the
 * catalog does not list (an open input's variable) takes anything.
 */
export function canConnect(out: PortKind | undefined, into: InputPort | undefined): boolean {
  return !out || !into || into.accepts.includes(out);
}
