/** The operations' files, bundled as their text (esbuild's text loader) for "voir la requête". */
declare module '*.graphql' {
  const text: string;
  export default text;
}
