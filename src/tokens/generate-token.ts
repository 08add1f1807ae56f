import { customAlphabet } from 'nanoid'

/**
 * Dwolla's tokens are 50 alphanumeric characters (e.g. the documented client token
 * "4adF858jPeQ9RnojMHdqSD2KwsvmhO7Ti7cI5woOiBGCpH5krY"). nanoid draws from crypto's CSPRNG and
 * maps bytes without modulo bias.
 */
export const TOKEN_LENGTH = 50
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export const generateToken: () => string = customAlphabet(ALPHANUMERIC, TOKEN_LENGTH)
