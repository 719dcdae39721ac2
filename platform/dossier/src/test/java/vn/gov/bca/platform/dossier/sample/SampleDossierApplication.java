package vn.gov.bca.platform.dossier.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with the platform only, for the dossier mechanisms' integration tests. */
@SpringBootApplication
public class SampleDossierApplication {

}
