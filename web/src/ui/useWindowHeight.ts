import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => { window.removeEventListener('resize', onChange); };
}

/** The viewport height, for virtual tables that need a pixel height to fill the screen. */
export function useWindowHeight(): number {
  return useSyncExternalStore(subscribe, () => window.innerHeight, () => 800);
}
