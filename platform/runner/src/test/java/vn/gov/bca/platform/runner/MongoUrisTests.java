package vn.gov.bca.platform.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MongoUrisTests {

	@Test
	void addsTheDatabaseToAUriWithout() {
		assertThat(MongoUris.withDatabase("mongodb://localhost:27017", "identity"))
				.isEqualTo("mongodb://localhost:27017/identity");
		assertThat(MongoUris.withDatabase("mongodb://localhost:27017/", "identity"))
				.isEqualTo("mongodb://localhost:27017/identity");
	}

	@Test
	void replacesTheDatabaseAndKeepsCredentialsHostsAndOptions() {
		assertThat(MongoUris.withDatabase("mongodb://u:p@h1:27017,h2:27017/admin?replicaSet=rs0&w=majority", "seal"))
				.isEqualTo("mongodb://u:p@h1:27017,h2:27017/seal?replicaSet=rs0&w=majority");
		assertThat(MongoUris.withDatabase("mongodb://h1:27017/?replicaSet=rs0", "payment"))
				.isEqualTo("mongodb://h1:27017/payment?replicaSet=rs0");
		assertThat(MongoUris.withDatabase("mongodb://h1:27017?replicaSet=rs0", "payment"))
				.isEqualTo("mongodb://h1:27017/payment?replicaSet=rs0");
		assertThat(MongoUris.withDatabase("mongodb+srv://u:p@cluster.example.vn/x?retryWrites=true", "passport"))
				.isEqualTo("mongodb+srv://u:p@cluster.example.vn/passport?retryWrites=true");
	}

	@Test
	void rejectsWhatIsNotAMongoUri() {
		assertThatThrownBy(() -> MongoUris.withDatabase("localhost:27017", "x")).hasMessageContaining("Not a MongoDB");
	}
}
