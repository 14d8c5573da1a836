import { createContext, useContext } from 'react';
import type { Plan, Region, Unit } from '../api/types';

/**
 * The region a page works in, with the lists almost every page needs to name things. features/shell's
 * RegionProvider loads it for /r/:regionId; pages read it through useRegion from here.
 */
export interface RegionData {
  regionId: string;
  regions: Region[];
  region: Region | undefined;
  units: Unit[];
  plans: Plan[];
  unitName: (id: string | null | undefined) => string;
  reload: () => void;
}

export const RegionContext = createContext<RegionData | null>(null);

export function useRegion(): RegionData {
  const value = useContext(RegionContext);
  if (!value) throw new Error('useRegion outside RegionProvider');
  return value;
}
