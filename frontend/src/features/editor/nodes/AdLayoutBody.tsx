import { useBrandKits } from '../../kits/useBrandKits';
import { withDefaults, type BodyProps } from './body';

/** AdLayoutBody shows the ad's headline and call to action, and which brand kit dresses it. */
export function AdLayoutBody({ config, spec }: BodyProps<'AD_LAYOUT'>) {
  const c = withDefaults(config, spec);
  const kits = useBrandKits();
  const kit = c.brand_kit_id ? kits.data?.find((k) => k.id === c.brand_kit_id)?.name ?? 'a deleted kit' : 'no kit (default look)';
  return (
    <>
      {c.headline ? <span className="line-clamp-2">“{c.headline}”{c.cta && <> · [{c.cta}]</>}</span> : <i className="text-slate-400">no headline yet</i>}
      <span className="block truncate text-slate-500" data-testid="layout-kit">Brand: {kits.isLoading && c.brand_kit_id ? '…' : kit}</span>
    </>
  );
}
