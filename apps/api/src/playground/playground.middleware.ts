import type { NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PLAYGROUND_TABS } from './playground-queries';

/**
 * GraphiQL served from the installed packages, so the playground works with no network: a browser
 * that GETs /graphql gets the page; API clients (POST, or GET with a query) reach Apollo as usual.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'application/javascript' },
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'application/javascript' },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'application/javascript' },
};

function assetPath(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

export function playgroundHtml(endpoint: string): string {
  const config = JSON.stringify({ endpoint, tabs: PLAYGROUND_TABS }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>tadoru · GraphQL playground</title>
<link rel="stylesheet" href="/playground/graphiql.min.css">
<style>body { margin: 0; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading the playground…</div>
<script src="/playground/react.production.min.js"></script>
<script src="/playground/react-dom.production.min.js"></script>
<script src="/playground/graphiql.min.js"></script>
<script>
  const config = ${config};
  const fetcher = GraphiQL.createFetcher({ url: config.endpoint });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: config.tabs,
      defaultEditorToolsVisibility: true,
      storage: { getItem: (k) => sessionStorage.getItem(k), setItem: (k, v) => sessionStorage.setItem(k, v), removeItem: (k) => sessionStorage.removeItem(k), clear: () => sessionStorage.clear(), length: 0 },
    }),
  );
</script>
</body>
</html>
`;
}

export function playgroundMiddleware(endpoint = '/graphql') {
  const html = playgroundHtml(endpoint);
  const cache = new Map<string, Buffer>();
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET' && req.path.startsWith('/playground/')) {
      const asset = ASSETS[req.path.slice('/playground/'.length)];
      if (!asset) return next();
      const path = assetPath(asset.pkg, asset.file);
      if (!existsSync(path)) return next();
      let body = cache.get(path);
      if (!body) cache.set(path, (body = readFileSync(path)));
      res.type(asset.type).set('Cache-Control', 'public, max-age=86400').send(body);
      return;
    }
    const wantsPage = req.method === 'GET' && (req.path === endpoint || req.path === '/' || req.path === '/playground') && req.query.query === undefined && (req.headers.accept ?? '').includes('text/html');
    if (wantsPage) {
      res.type('text/html').send(html);
      return;
    }
    next();
  };
}
