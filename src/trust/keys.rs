//! Ed25519 keys in RFC 8410 PEM: public keys as SPKI (`BEGIN PUBLIC KEY`), secret keys as
//! PKCS#8 v1 (PEM label `PRIVATE KEY`, what `openssl genpkey -algorithm ed25519` writes and reads).
//! A key's id is the lowercase hex SHA-256 of its raw 32-byte public key.
//!
//! Secret keys never print: [`SecretKey`] has a redacted `Debug`, no `Display`, no
//! serialization, and its bytes are zeroized when dropped.

use std::fmt;

use base64ct::{Base64, Encoding};
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

/// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), followed by the 32-byte key.
const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];
/// DER prefix of an Ed25519 PKCS#8 v1 PrivateKeyInfo (RFC 8410), followed by the 32-byte seed.
const PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/// Why a key could not be read. Messages never contain key material.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// Not PEM with the expected label.
    #[error("not a PEM '{0}' block; expected the output of `contactguard registry keygen` or `openssl genpkey -algorithm ed25519`")]
    Pem(&'static str),
    /// PEM of the right label whose content is not an Ed25519 key.
    #[error("the PEM block is not an Ed25519 key in RFC 8410 form")]
    NotEd25519,
    /// A public key that is not a point of the curve, or a weak (small-order) key.
    #[error("the public key is invalid or weak (small order); it cannot be trusted")]
    Weak,
    /// A key id that is not 64 lowercase hex digits.
    #[error("'{0}' is not a key id (64 lowercase hex digits)")]
    KeyId(String),
}

/// A key's id: lowercase hex SHA-256 of the raw public key.
#[derive(
    Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd, serde::Deserialize, serde::Serialize,
)]
#[serde(transparent)]
pub struct KeyId(String);

impl KeyId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Parses 64 lowercase hex digits.
    ///
    /// # Errors
    /// [`KeyError::KeyId`].
    pub fn parse(s: &str) -> Result<KeyId, KeyError> {
        if s.len() == 64
            && s.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            Ok(KeyId(s.to_owned()))
        } else {
            Err(KeyError::KeyId(s.chars().take(80).collect()))
        }
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An Ed25519 public key.
#[derive(Clone, Copy, Debug, Eq, PartialEq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// From the raw 32 bytes; weak (small-order) keys are refused.
    ///
    /// # Errors
    /// [`KeyError::Weak`].
    pub fn from_bytes(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        let raw: [u8; 32] = bytes.try_into().map_err(|_| KeyError::NotEd25519)?;
        let key = VerifyingKey::from_bytes(&raw).map_err(|_| KeyError::Weak)?;
        if key.is_weak() {
            return Err(KeyError::Weak);
        }
        Ok(PublicKey(key))
    }

    /// From base64 of the raw 32 bytes (the form inside a root).
    ///
    /// # Errors
    /// [`KeyError::NotEd25519`] or [`KeyError::Weak`].
    pub fn from_base64(s: &str) -> Result<PublicKey, KeyError> {
        let bytes = Base64::decode_vec(s).map_err(|_| KeyError::NotEd25519)?;
        PublicKey::from_bytes(&bytes)
    }

    /// From an SPKI PEM (`-----BEGIN PUBLIC KEY-----`).
    ///
    /// # Errors
    /// A [`KeyError`].
    pub fn from_pem(pem: &str) -> Result<PublicKey, KeyError> {
        let der = pem_decode(pem, "PUBLIC KEY")?;
        match der.strip_prefix(&SPKI_PREFIX[..]) {
            Some(raw) => PublicKey::from_bytes(raw),
            None => Err(KeyError::NotEd25519),
        }
    }

    /// SPKI PEM.
    pub fn to_pem(&self) -> String {
        let mut der = SPKI_PREFIX.to_vec();
        der.extend_from_slice(self.0.as_bytes());
        pem_encode(&der, "PUBLIC KEY")
    }

    /// Base64 of the raw 32 bytes.
    pub fn to_base64(&self) -> String {
        Base64::encode_string(self.0.as_bytes())
    }

    /// The key id.
    pub fn key_id(&self) -> KeyId {
        KeyId(
            Sha256::digest(self.0.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        )
    }

    /// Whether `sig` is this key's signature of `msg` (strict RFC 8032 verification).
    pub fn verify(&self, msg: &[u8], sig: &[u8]) -> bool {
        let Ok(sig) = <[u8; 64]>::try_from(sig) else {
            return false;
        };
        self.0
            .verify_strict(msg, &ed25519_dalek::Signature::from_bytes(&sig))
            .is_ok()
    }
}

/// An Ed25519 secret key. Never printed; zeroized on drop.
///
/// ```
/// use contactguard::trust::keys::SecretKey;
///
/// let key = SecretKey::generate()?;
/// let signature = key.sign(b"payload");
/// assert!(key.public().verify(b"payload", &signature));
/// assert!(!key.public().verify(b"payl0ad", &signature));
/// assert!(format!("{key:?}").contains("redacted"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct SecretKey(SigningKey);

impl SecretKey {
    /// A new key from the operating system's random source.
    ///
    /// # Errors
    /// When the OS random source fails.
    pub fn generate() -> Result<SecretKey, getrandom::Error> {
        let mut seed = Zeroizing::new([0u8; 32]);
        getrandom::fill(seed.as_mut())?;
        Ok(SecretKey(SigningKey::from_bytes(&seed)))
    }

    /// From a PKCS#8 v1 PEM (label `PRIVATE KEY`).
    ///
    /// # Errors
    /// A [`KeyError`] (which never quotes the key).
    pub fn from_pem(pem: &str) -> Result<SecretKey, KeyError> {
        let der = Zeroizing::new(pem_decode(pem, "PRIVATE KEY")?);
        match der.strip_prefix(&PKCS8_PREFIX[..]) {
            Some(seed) if seed.len() == 32 => {
                let mut raw = Zeroizing::new([0u8; 32]);
                raw.copy_from_slice(seed);
                Ok(SecretKey(SigningKey::from_bytes(&raw)))
            }
            _ => Err(KeyError::NotEd25519),
        }
    }

    /// PKCS#8 v1 PEM, in memory that is zeroized when dropped.
    pub fn to_pem(&self) -> Zeroizing<String> {
        let mut der = Zeroizing::new(PKCS8_PREFIX.to_vec());
        der.extend_from_slice(self.0.as_bytes());
        Zeroizing::new(pem_encode(&der, "PRIVATE KEY"))
    }

    /// The public half.
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// Signs `msg`.
    pub fn sign(&self, msg: &[u8]) -> [u8; 64] {
        self.0.sign(msg).to_bytes()
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey({}, redacted)", self.public().key_id())
    }
}

fn pem_encode(der: &[u8], label: &str) -> String {
    let b64 = Zeroizing::new(Base64::encode_string(der));
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

fn pem_decode(pem: &str, label: &'static str) -> Result<Vec<u8>, KeyError> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = pem.find(&begin).ok_or(KeyError::Pem(label))? + begin.len();
    let stop = pem[start..].find(&end).ok_or(KeyError::Pem(label))? + start;
    let mut body: String = pem[start..stop]
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let der = Base64::decode_vec(&body).map_err(|_| KeyError::Pem(label));
    body.zeroize();
    der
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_round_trip_and_signatures() {
        let sk = SecretKey::generate().unwrap();
        let again = SecretKey::from_pem(&sk.to_pem()).unwrap();
        assert_eq!(sk.public(), again.public());
        let pk = PublicKey::from_pem(&sk.public().to_pem()).unwrap();
        let sig = sk.sign(b"message");
        assert!(pk.verify(b"message", &sig));
        assert!(!pk.verify(b"messagf", &sig));
        assert_eq!(pk.key_id().as_str().len(), 64);
        assert!(!format!("{sk:?}").contains(&*sk.to_pem()));
    }

    #[test]
    fn weak_keys_are_refused() {
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert_eq!(PublicKey::from_bytes(&identity), Err(KeyError::Weak));
        assert_eq!(PublicKey::from_bytes(&[0u8; 32]), Err(KeyError::Weak));
    }
}
