// Run by `npm run build` after tsc: the fixture schema's `respond.error` enum is the error
// catalogue's codes (src/errors.ts), Dwolla's then OAuth's, so a rule can name exactly the
// codes the mock answers with.
import { DWOLLA_ERRORS, OAUTH_ERRORS } from '../dist/errors.js'
import { writeSchemaEnum } from './fixture-schema-enum.js'

writeSchemaEnum('error', [...Object.keys(DWOLLA_ERRORS), ...Object.keys(OAUTH_ERRORS)])
