// graphql-ws publishes `graphql-ws/use/ws` through package.json "exports" only, which the
// project's `moduleResolution: node` does not read (Node and Jest do, at run time).
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws.cjs';
}
