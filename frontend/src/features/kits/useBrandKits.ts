import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** brandKitsKey is the query key of the user's brand kits: invalidate it when one is created, changed or deleted. */
export const brandKitsKey = ['brand-kits'] as const;

/** useBrandKits loads the user's brand kits (the kit page, the Ad layout's kit select). */
export function useBrandKits() {
  return useQuery({ queryKey: brandKitsKey, queryFn: api.brandKits, select: (d) => d.brand_kits ?? [] });
}
