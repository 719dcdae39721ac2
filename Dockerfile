# One image recipe for every deployable: docker compose builds it once per module with
#   --build-arg MODULE=<module>   (gateway, identity-service, ...)
# from the Boot jar that Maven built (./mvnw -DskipTests install), so the image holds no build tools.
FROM eclipse-temurin:17-jre

ARG MODULE
RUN test -n "$MODULE" || (echo "build with --build-arg MODULE=<module>" && false)

RUN groupadd --system vneid && useradd --system --gid vneid --no-create-home vneid
WORKDIR /app
# A place the app may write (payment-sandbox's journal); a named volume mounted here starts with this owner.
RUN mkdir /app/data && chown vneid:vneid /app/data
COPY ${MODULE}/target/${MODULE}.jar /app/app.jar
USER vneid

# The container's memory limit, not the host's, sizes the heap.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
