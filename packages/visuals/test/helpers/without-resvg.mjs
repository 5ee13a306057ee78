// Loaded with `node --import`: makes `@resvg/resvg-js` unresolvable, as on a machine where the optional
// peer was never installed.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === '@resvg/resvg-js' || specifier.startsWith('@resvg/resvg-js/')) {
    const error = new Error("Cannot find package '" + specifier + "'");
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
