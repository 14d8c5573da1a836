import type { Plugin } from 'vite';

interface Chunk {
  type: 'chunk';
  fileName: string;
  imports: string[];
  facadeModuleId: string | null;
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * The signed-in layout, the battle map and the login form are chunks of their own, so neither kind of
 * visitor downloads the other's code. This writes into index.html a line that, before the app's script
 * runs, asks for the chunks (and their styles) the visitor's first screen needs: the layout and the
 * battle map when the browser remembers a session (`tz.signedIn`, as the API prefetch above it reads),
 * the login form otherwise. They download alongside the entry instead of after it has run.
 */
export function preloadFirstScreen(pages: { signedIn: string[]; signedOut: string[] }): Plugin {
  return {
    name: 'taizhang-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle || !ctx.chunk) return html;
        const chunks = new Map<string, Chunk>();
        for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
        const closure = (roots: Chunk[]) => {
          const seen = new Set<string>();
          const queue = roots.map((c) => c.fileName);
          while (queue.length) {
            const file = queue.shift()!;
            if (seen.has(file)) continue;
            seen.add(file);
            queue.push(...(chunks.get(file)?.imports ?? []));
          }
          return seen;
        };
        const inEntry = closure([ctx.chunk]);
        const filesOf = (modules: string[]) => {
          const roots = modules.map((suffix) => {
            const found = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(suffix));
            if (!found) throw new Error(`preloadFirstScreen: no chunk for ${suffix}`);
            return found;
          });
          const files = [...closure(roots)].filter((f) => !inEntry.has(f));
          const css = files.flatMap((f) => [...(chunks.get(f)?.viteMetadata?.importedCss ?? [])]);
          return [...files.map((f) => `/${f}`), ...css.map((f) => `/${f}`)];
        };
        const lists = JSON.stringify([filesOf(pages.signedOut), filesOf(pages.signedIn)]);
        const script = `(function(){try{var l=${lists}[localStorage.getItem('tz.signedIn')==='1'?1:0];for(var i=0;i<l.length;i++){var e=document.createElement('link');var c=/\\.css$/.test(l[i]);e.rel=c?'stylesheet':'modulepreload';e.crossOrigin='';e.href=l[i];document.head.appendChild(e)}}catch(x){}})();`;
        // Right after the API prefetch, the first script in <head>: an inline script after a stylesheet
        // would wait for it.
        const at = html.indexOf('</script>');
        if (at < 0)
          throw new Error('preloadFirstScreen: index.html has no inline script in <head> to follow');
        const end = at + '</script>'.length;
        return `${html.slice(0, end)}\n    <script>${script}</script>${html.slice(end)}`;
      },
    },
  };
}
