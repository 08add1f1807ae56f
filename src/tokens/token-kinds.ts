/** What an application access token stands for. */
export interface AccessTokenDetails {
  clientId: string
}

/** What a client token was issued for: the action and, except for customer.create, the customer. */
export interface ClientTokenDetails {
  clientId: string
  action: string
  customerId: string | undefined
}

/** A token as `tokens()` lists it. */
export type TokenView<T> = { token: string; issuedAt: string; expiresAt: string; expired: boolean } & T

export interface TokenListing {
  accessTokens: Array<TokenView<AccessTokenDetails>>
  clientTokens: Array<TokenView<ClientTokenDetails>>
}
