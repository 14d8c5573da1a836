/** The two databases Taizhang runs on; repositories branch on it where their SQL differs. */
export type DialectName = 'sqlite' | 'postgres';
