package vn.gov.bca.platform.document.register;

import java.util.Collection;

/**
 * The units whose documents a service issues, each signing with its own key: a service with
 * documents declares them as a bean (platform-dossier does it from the handling units). The
 * service does not start while the keystore lacks a key for one of them.
 */
@FunctionalInterface
public interface SigningUnits {

	Collection<String> codes();

}
