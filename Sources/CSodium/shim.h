#include <sodium.h>

// Nothing to wrap: libsodium has no C-variadic functions, and every constant GluteSecurity needs
// is either a plain integer macro (crypto_pwhash_argon2id_STRBYTES, crypto_generichash_BYTES) or
// has a function form (crypto_pwhash_alg_argon2id13() for crypto_pwhash_ALG_ARGON2ID13, a macro
// defined as another macro, which Swift does not import).
