# syntax=docker/dockerfile:1
# The LESA Token & Dispatch API. Build: docker build -t lesa-token-api .
# Base images are build arguments so that a mirror or a locally made image can stand in for the official ones.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

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
# Class-data sharing (or an AOT cache on JDK 25+), recorded from a start with development defaults; no secret is
# involved, and none is in the image: LIVEKIT_* come from the environment at run time.
RUN sh /app/train.sh && rm /app/train.sh
ENV PORT=8000 \
    MANAGEMENT_PORT=8081 \
    HOME=/tmp
EXPOSE 8000 8081
USER 10001:10001
ENTRYPOINT ["java", "@/app/jvm.args", "-jar", "/app/application.jar"]
