package com.lesa.api.livekit;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SecureRequest;
import io.jsonwebtoken.security.SignatureException;
import io.jsonwebtoken.security.VerifySecureDigestRequest;

/**
 * HS256 without JJWT's 256-bit key minimum. LiveKit servers accept shorter secrets ({@code livekit-server --dev}
 * uses the 6-byte {@code secret}), so development must sign with them; start-up refuses them in production.
 */
final class ShortKeyHs256 implements SecureDigestAlgorithm<SecretKey, SecretKey> {

	static final ShortKeyHs256 INSTANCE = new ShortKeyHs256();

	private static final String JCA_NAME = "HmacSHA256";

	private ShortKeyHs256() {
	}

	@Override
	public String getId() {
		return "HS256";
	}

	@Override
	public byte[] digest(SecureRequest<InputStream, SecretKey> request) {
		try (InputStream payload = request.getPayload()) {
			Mac mac = Mac.getInstance(JCA_NAME);
			mac.init(request.getKey());
			byte[] buffer = new byte[4096];
			for (int read = payload.read(buffer); read != -1; read = payload.read(buffer)) {
				mac.update(buffer, 0, read);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new SignatureException("HS256 signing failed", ex);
		}
	}

	@Override
	public boolean verify(VerifySecureDigestRequest<SecretKey> request) {
		return MessageDigest.isEqual(digest(request), request.getDigest());
	}

}
