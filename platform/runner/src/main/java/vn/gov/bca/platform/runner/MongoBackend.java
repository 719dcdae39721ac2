package vn.gov.bca.platform.runner;

/** Storage behind mongo-java-server: H2 keeps data across restarts, memory is faster for tests. */
public enum MongoBackend {
	H2,
	MEMORY
}
