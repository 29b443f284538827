/**
 * The layers of server/src, checked on every `npm run lint` (and by test/architecture.test.ts):
 * imports point down, never up, and there is no cycle between modules. See README › Architecture.
 *
 *   main.ts → app.ts → features.ts → seed/ · cli/ · http/ → <features> (resolvers, services,
 *   entities) → graphql/ (the adapter: schema and context take the features as arguments) →
 *   api-token/ · rate-limit/ · idempotency/ → auth/ → database/ → core/ · config/
 *
 * A feature folder holds its entity (low: api-token/ refers to the pole, region and ministry
 * entities a token is scoped to) and its resolver (high: it uses graphql/'s helpers), so the
 * order holds between modules, which is what the rules below check, not between whole folders.
 */
const FEATURES =
  '^server/src/(audit|funding-programme|import-export|live|member|ministry|pole|project|region|selection|statistics|theme|viewer|webhook)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle is a design question: some module sits on the wrong floor.',
      from: { path: '^server/src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core/ holds domain rules with no GraphQL, no TypeORM and nothing above it.',
      from: { path: '^server/src/core/' },
      to: {
        pathNot: ['^server/src/core/', '^node_modules/class-validator/'],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'database-below-everything',
      severity: 'error',
      comment: 'database/ may use core/ and config/ only: never graphql/, http/ or a feature.',
      from: { path: '^server/src/database/' },
      to: {
        path: '^server/src/',
        pathNot: ['^server/src/(database|core|config)/'],
      },
    },
    {
      name: 'auth-is-the-policy',
      severity: 'error',
      comment: 'auth/ states the permission policy over database/ and core/; nothing above.',
      from: { path: '^server/src/auth/' },
      to: { path: '^server/src/', pathNot: ['^server/src/(auth|database|core|config)/'] },
    },
    {
      name: 'graphql-below-http',
      severity: 'error',
      comment:
        'graphql/ is the adapter: it never reaches up into http/, cli/, seed/ or the registry.',
      from: { path: '^server/src/graphql/' },
      to: { path: '^server/src/(http|cli|seed)/|^server/src/(app|main|features)\\.ts$' },
    },
    {
      name: 'features-below-the-adapters',
      severity: 'error',
      comment:
        'A feature never imports the HTTP pipeline, the command line, the seed or the registry.',
      from: { path: FEATURES },
      to: { path: '^server/src/(http|cli|seed)/|^server/src/(app|main|features)\\.ts$' },
    },
    {
      name: 'entry-points-are-leaves',
      severity: 'error',
      comment: 'Nothing imports a process entry (main.ts, cli/*.cli.ts).',
      from: {},
      to: { path: '^server/src/(main\\.ts|cli/.+\\.cli\\.ts)$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^server/src/http/(playground|dashboards)/client/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
