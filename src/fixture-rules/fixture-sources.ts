import { readFile } from 'node:fs/promises'
import { packageFile } from '../package-files.js'
import type { Application } from '../http/client-credentials.js'
import { checkFixtureDocument, type SeedCheck } from './check-fixtures.js'
import type { CustomerCheck, DuplicateEmailCheck, FixtureDocument, FixtureRule } from './fixture-types.js'
import { readFixtureFile } from './read-fixture-file.js'

/** A fixture file's path, or the same structure as an object. */
export type FixtureSource = string | FixtureDocument

/** The magic values shipped with mock-dwolla, in force unless `defaultFixtures: false`. */
export const DEFAULT_FIXTURES_PATH = packageFile('fixtures/defaults.json')

/** What a set of fixture sources adds up to. Settings are undefined where no source gives them. */
export interface LoadedFixtures {
  rules: Array<{ id: string; rule: FixtureRule }>
  /** Seeded customers, in source order (a later seed of the same id and application wins), with where each was written. */
  customers: Array<{ document: object; source: string }>
  settings: {
    applications?: Application[]
    accessTokenLifetimeSeconds?: number
    clientTokenLifetimeSeconds?: number
    customerCheck?: CustomerCheck
    customerLimit?: number
    applicationLimit?: number
    storeByteLimit?: number
    duplicateEmailCheck?: DuplicateEmailCheck
    customerBankLimit?: number
    fundingSourceLimit?: number
    autoVerifyBanks?: boolean
    transferLimit?: number
    labelLimit?: number
    labelLedgerEntryLimit?: number
    massPaymentLimit?: number
    massPaymentItemLimit?: number
  }
}

/** Settings where the last source that gives one wins. */
const LAST_WINS = [
  'accessTokenLifetimeSeconds',
  'clientTokenLifetimeSeconds',
  'customerCheck',
  'customerLimit',
  'applicationLimit',
  'storeByteLimit',
  'duplicateEmailCheck',
  'customerBankLimit',
  'fundingSourceLimit',
  'autoVerifyBanks',
  'transferLimit',
  'labelLimit',
  'labelLedgerEntryLimit',
  'massPaymentLimit',
  'massPaymentItemLimit',
] as const

/**
 * Reads and checks every source before anything is used, so a broken one leaves nothing
 * half-loaded. Later sources add rules, applications and customers to earlier ones; for the other
 * settings the last source that sets one wins.
 */
export async function loadFixtureSources(sources: readonly FixtureSource[], checkSeed?: SeedCheck): Promise<LoadedFixtures> {
  const loaded: LoadedFixtures = { rules: [], customers: [], settings: {} }
  for (const [index, source] of sources.entries()) {
    const label = typeof source === 'string' ? source : `fixtures[${index}]`
    const document =
      typeof source === 'string' ? await readFixtureFile(source, checkSeed) : checkFixtureDocument(structuredClone(source), label, undefined, checkSeed)
    addDocument(loaded, label, document)
  }
  return loaded
}

/**
 * The shipped defaults, with ids that say where they come from. They are part of the package
 * and a test checks them like any fixture file, so a start reads them without checking again.
 */
export async function loadDefaultFixtures(): Promise<LoadedFixtures> {
  const loaded: LoadedFixtures = { rules: [], customers: [], settings: {} }
  addDocument(loaded, 'defaults', JSON.parse(await readFile(DEFAULT_FIXTURES_PATH, 'utf8')) as FixtureDocument)
  return loaded
}

function addDocument(loaded: LoadedFixtures, label: string, document: FixtureDocument): void {
  document.rules?.forEach((rule, index) => loaded.rules.push({ id: `${label}#/rules/${index}`, rule }))
  if (document.applications !== undefined) {
    loaded.settings.applications = [...(loaded.settings.applications ?? []), ...document.applications]
  }
  for (const name of LAST_WINS) {
    if (document[name] !== undefined) Object.assign(loaded.settings, { [name]: document[name] })
  }
  document.customers?.forEach((customer, index) => loaded.customers.push({ document: customer, source: `${label} at /customers/${index}` }))
}
