package vn.gov.bca.nationalportalsandbox;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON the sandbox reads and answers. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/** The body as a JSON object, or null when it is not one. */
	static ObjectNode readObject(byte[] body) {
		try {
			JsonNode node = MAPPER.readTree(body);
			return (node != null && node.isObject()) ? (ObjectNode) node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The portal's answer: {@code error_code}, {@code message} and, when there is one, {@code result}. */
	static ObjectNode answer(int errorCode, String message, JsonNode result) {
		ObjectNode answer = MAPPER.createObjectNode();
		answer.put("error_code", errorCode);
		answer.put("message", message);
		if (result != null) {
			answer.set("result", result);
		}
		return answer;
	}

}
