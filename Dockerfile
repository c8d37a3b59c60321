# syntax=docker/dockerfile:1
# surprisal's command line in a container: any subcommand, configured by SURPRISAL_* environment
# variables and/or properties files (--config, repeatable). See the README, "Container image".
#
#   docker build -t surprisal .
#   docker run --rm surprisal --help
#   docker run --rm -e SURPRISAL_BOOTSTRAP_SERVERS=kafka:9092 ... surprisal detect
#
# linux/amd64 only: the training stack (ND4J) ships native code for linux-x86_64 alone.

# 1. build: the README's packaging command, with Maven's repository cached between builds
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml ./
COPY schemas schemas
COPY src src
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

# 2. run: a JRE 21, the jar and its libraries where bin/surprisal looks for them, a non-root user
FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 surprisal \
    && useradd --system --uid 10001 --gid surprisal --create-home --home-dir /home/surprisal \
        --shell /usr/sbin/nologin surprisal
COPY --from=build /build/target/surprisal.jar /opt/surprisal/target/surprisal.jar
COPY --from=build /build/target/lib /opt/surprisal/target/lib
COPY --chmod=755 bin/surprisal /opt/surprisal/bin/surprisal
USER 10001:10001
WORKDIR /home/surprisal
# Half the container's memory for the heap: the trainer's native training code needs room beside it.
ENV SURPRISAL_JAVA_OPTS="-XX:MaxRAMPercentage=50"
# metrics and health: surprisal detect on 8080, surprisal train on 8081 (metrics.port)
EXPOSE 8080 8081
ENTRYPOINT ["/opt/surprisal/bin/surprisal"]
CMD ["--help"]
