//! DSSE v1 envelopes: a signature over `PAE(payloadType, payload)`, the exact payload bytes,
//! never a re-serialization. Verification happens before the payload is parsed.

use std::collections::BTreeSet;

use base64ct::{Base64, Base64Url, Encoding};
use serde::{Deserialize, Serialize};

use super::keys::{KeyId, PublicKey, SecretKey};

/// The most signatures one envelope may carry; more are refused, not skipped.
pub const MAX_SIGNATURES: usize = 32;

/// The payload type of root payloads.
pub const ROOT_TYPE: &str = "application/vnd.contactguard.root.v1+json";
/// The payload type of registry payloads.
pub const REGISTRY_TYPE: &str = "application/vnd.contactguard.registry.v1+json";

/// DSSE's pre-authentication encoding: what is actually signed.
///
/// ```
/// use contactguard::trust::envelope::pae;
///
/// assert_eq!(pae("http://example.com/HelloWorld", b"hello world"),
///            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world");
/// ```
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "DSSEv1 {} {payload_type} {} ",
        payload_type.len(),
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out
}

/// One signature in an envelope.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Signature {
    /// The signer's key id (a hint: it selects a key, it proves nothing).
    pub keyid: String,
    /// The 64-byte Ed25519 signature.
    pub sig: Vec<u8>,
}

/// A DSSE envelope.
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Envelope {
    /// What the payload is; binds a signature to one role.
    pub payload_type: String,
    /// The exact bytes signed.
    pub payload: Vec<u8>,
    /// The signatures.
    pub signatures: Vec<Signature>,
}

/// Why an envelope is not well formed.
#[derive(Clone, Debug, Eq, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EnvelopeError {
    /// Not JSON of the DSSE shape.
    #[error("not a DSSE envelope: {0}")]
    Malformed(String),
    /// Base64 that is neither standard nor URL-safe (or not canonical).
    #[error("the {0} is not valid base64")]
    Base64(&'static str),
    /// More than [`MAX_SIGNATURES`] signatures.
    #[error("{0} signatures; at most {MAX_SIGNATURES} are accepted")]
    TooManySignatures(usize),
}

#[derive(Deserialize, Serialize)]
struct Wire {
    #[serde(rename = "payloadType")]
    payload_type: String,
    payload: String,
    signatures: Vec<WireSig>,
}

#[derive(Deserialize, Serialize)]
struct WireSig {
    keyid: String,
    sig: String,
}

fn decode(s: &str, what: &'static str) -> Result<Vec<u8>, EnvelopeError> {
    Base64::decode_vec(s)
        .or_else(|_| Base64Url::decode_vec(s))
        .map_err(|_| EnvelopeError::Base64(what))
}

impl Envelope {
    /// An unsigned envelope over `payload`.
    pub fn new(payload_type: &str, payload: Vec<u8>) -> Envelope {
        Envelope {
            payload_type: payload_type.to_owned(),
            payload,
            signatures: Vec::new(),
        }
    }

    /// Reads an envelope from its JSON value.
    ///
    /// # Errors
    /// An [`EnvelopeError`].
    pub fn from_value(value: serde_json::Value) -> Result<Envelope, EnvelopeError> {
        let wire: Wire =
            serde_json::from_value(value).map_err(|e| EnvelopeError::Malformed(e.to_string()))?;
        Envelope::from_wire(wire)
    }

    /// Reads an envelope from JSON text.
    ///
    /// # Errors
    /// An [`EnvelopeError`].
    pub fn from_json(bytes: &[u8]) -> Result<Envelope, EnvelopeError> {
        let wire: Wire =
            serde_json::from_slice(bytes).map_err(|e| EnvelopeError::Malformed(e.to_string()))?;
        Envelope::from_wire(wire)
    }

    fn from_wire(wire: Wire) -> Result<Envelope, EnvelopeError> {
        if wire.signatures.len() > MAX_SIGNATURES {
            return Err(EnvelopeError::TooManySignatures(wire.signatures.len()));
        }
        let signatures = wire
            .signatures
            .into_iter()
            .map(|s| {
                Ok(Signature {
                    keyid: s.keyid,
                    sig: decode(&s.sig, "signature")?,
                })
            })
            .collect::<Result<_, EnvelopeError>>()?;
        Ok(Envelope {
            payload: decode(&wire.payload, "payload")?,
            payload_type: wire.payload_type,
            signatures,
        })
    }

    /// The envelope as a JSON value (standard padded base64).
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::json!({
            "payloadType": self.payload_type,
            "payload": Base64::encode_string(&self.payload),
            "signatures": self.signatures.iter().map(|s| serde_json::json!({
                "keyid": s.keyid,
                "sig": Base64::encode_string(&s.sig),
            })).collect::<Vec<_>>(),
        })
    }

    /// Adds `key`'s signature, replacing an earlier one by the same key.
    pub fn sign(&mut self, key: &SecretKey) {
        let keyid = key.public().key_id().to_string();
        let sig = key.sign(&pae(&self.payload_type, &self.payload)).to_vec();
        self.signatures.retain(|s| s.keyid != keyid);
        self.signatures.push(Signature { keyid, sig });
    }

    /// The distinct trusted keys whose signature verifies, among `keys` (each key counts once,
    /// however many signatures name it).
    pub fn valid_signers(&self, keys: &[(KeyId, PublicKey)]) -> BTreeSet<KeyId> {
        let message = pae(&self.payload_type, &self.payload);
        let mut signers = BTreeSet::new();
        for s in self.signatures.iter().take(MAX_SIGNATURES) {
            if let Some((id, key)) = keys.iter().find(|(id, _)| id.as_str() == s.keyid) {
                if !signers.contains(id) && key.verify(&message, &s.sig) {
                    signers.insert(id.clone());
                }
            }
        }
        signers
    }
}
