# syntax=docker/dockerfile:1
# The LESA Token & Dispatch API. Build: docker build -t lesa-token-api .
# Base images are build arguments so that a mirror or a locally made image can stand in for the official ones.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
# The service is built for Java 17 and runs on any later Java; the image runs Java 25 for its AOT cache (about 20%
# faster start-up than Java 17's class-data sharing, bench/startup.sh) and virtual request threads.
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q package -DskipTests \
    && java -Djarmode=tools -jar target/lesa-token-api-*.jar extract --layers --application-filename application.jar --destination extracted

FROM ${RUNTIME_IMAGE}
WORKDIR /app
# Layers from least to most often changed, so a code change rebuilds only the last one.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
COPY docker/train.sh /app/train.sh
# An AOT cache (Java 25+; class-data sharing on older Java) recorded from a production start of the ahead-of-time
# processed application (docker/train.sh); no secret is involved, and none is in the image: LIVEKIT_* come from the
# environment at run time.
RUN sh /app/train.sh && rm /app/train.sh
ENV PORT=8000 \
    MANAGEMENT_PORT=8081 \
    HOME=/tmp
EXPOSE 8000 8081
USER 10001:10001
ENTRYPOINT ["java", "@/app/jvm.args", "-jar", "/app/application.jar"]
