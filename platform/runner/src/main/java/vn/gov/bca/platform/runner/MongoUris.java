package vn.gov.bca.platform.runner;

/** Gives each service its own database on one server, keeping the user's credentials and options. */
final class MongoUris {

	private MongoUris() {
	}

	static String local(int port, String database) {
		return "mongodb://localhost:" + port + "/" + database;
	}

	/**
	 * {@code mongodb://u:p@h1,h2/admin?replicaSet=rs0} with database {@code identity} gives
	 * {@code mongodb://u:p@h1,h2/identity?replicaSet=rs0}.
	 */
	static String withDatabase(String uri, String database) {
		int schemeEnd = uri.indexOf("://");
		if (schemeEnd < 0 || !uri.startsWith("mongodb")) {
			throw new IllegalArgumentException("Not a MongoDB connection string: " + uri);
		}
		int hostsStart = schemeEnd + 3;
		int query = uri.indexOf('?', hostsStart);
		int pathStart = uri.indexOf('/', hostsStart);
		if (pathStart < 0 || (query >= 0 && pathStart > query)) {
			pathStart = query < 0 ? uri.length() : query;
		}
		String hosts = uri.substring(0, pathStart);
		String options = query < 0 ? "" : uri.substring(query);
		return hosts + "/" + database + options;
	}
}
