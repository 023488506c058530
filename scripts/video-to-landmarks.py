#!/usr/bin/env python3
"""Turn a video of a test into the landmark JSON that `glute analyze` reads.

Runs MediaPipe Pose over every frame and writes the "mediapipe-pose-33" format of
landmarks-format.md: 33 landmarks per frame, x and y normalised to the image, z and visibility,
with the video's frame rate and size. Frames in which no person is found are written with every
landmark at visibility 0, so the analysis skips them instead of trusting them.

Two ways to get the pose model, because PyPI's mediapipe changed:
  * mediapipe up to 0.10.14 ships the "full" pose model inside the wheel (the legacy
    mp.solutions.pose API, model_complexity=1): this runs offline.
  * newer mediapipe (1.x) ships no pose model; give a pose_landmarker_*.task file with --model
    (downloaded once from Google's model page, on a machine that can reach it).

    pip install "mediapipe==0.10.14"        # brings OpenCV and NumPy
    python3 scripts/video-to-landmarks.py squat.mp4 -o squat.json --view front
    glute analyze squat.json --test single-leg-squat

This script is not part of the test suite and needs nothing from it.
"""

import argparse
import json
import sys

LANDMARKS = 33


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("video", help="the video file (anything OpenCV can open)")
    parser.add_argument("-o", "--output", help="where to write the JSON (default: standard output)")
    parser.add_argument("--view", choices=["front", "side"], help="the camera view, if known")
    parser.add_argument("--model", help="a pose_landmarker_*.task file (needed with mediapipe 1.x)")
    return parser.parse_args()


def open_video(path):
    try:
        import cv2
    except ImportError:
        sys.exit("error: OpenCV is missing; install mediapipe (it brings opencv-contrib-python)")
    capture = cv2.VideoCapture(path)
    if not capture.isOpened():
        sys.exit(f"error: cannot open video '{path}'")
    fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
    width = int(capture.get(cv2.CAP_PROP_FRAME_WIDTH))
    height = int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT))
    return cv2, capture, fps, width, height


def missing_frame():
    return [{"x": 0.0, "y": 0.0, "z": 0.0, "visibility": 0.0} for _ in range(LANDMARKS)]


def landmark_list(landmarks):
    return [
        {
            "x": round(point.x, 5),
            "y": round(point.y, 5),
            "z": round(point.z, 5),
            "visibility": round(min(1.0, max(0.0, getattr(point, "visibility", None) or 0.0)), 4),
        }
        for point in landmarks
    ]


def legacy_estimator():
    """The bundled model of mediapipe <= 0.10.14 (model_complexity=1 needs no download)."""
    import mediapipe as mp

    solutions = getattr(mp, "solutions", None)
    if solutions is None or not hasattr(solutions, "pose"):
        return None
    pose = solutions.pose.Pose(static_image_mode=False, model_complexity=1, smooth_landmarks=True)

    def estimate(rgb, _timestamp_ms):
        result = pose.process(rgb)
        if result.pose_landmarks is None:
            return None
        return landmark_list(result.pose_landmarks.landmark)

    return estimate


def tasks_estimator(model_path):
    """The Tasks API PoseLandmarker with a .task model file given by the user."""
    import mediapipe as mp
    from mediapipe.tasks.python import BaseOptions
    from mediapipe.tasks.python import vision

    options = vision.PoseLandmarkerOptions(
        base_options=BaseOptions(model_asset_path=model_path),
        running_mode=vision.RunningMode.VIDEO,
        num_poses=1,
    )
    landmarker = vision.PoseLandmarker.create_from_options(options)

    def estimate(rgb, timestamp_ms):
        image = mp.Image(image_format=mp.ImageFormat.SRGB, data=rgb)
        result = landmarker.detect_for_video(image, timestamp_ms)
        if not result.pose_landmarks:
            return None
        return landmark_list(result.pose_landmarks[0])

    return estimate


def main():
    arguments = parse_arguments()
    try:
        import mediapipe  # noqa: F401
    except ImportError:
        sys.exit('error: mediapipe is not installed: pip install "mediapipe==0.10.14"')
    estimate = tasks_estimator(arguments.model) if arguments.model else legacy_estimator()
    if estimate is None:
        sys.exit("error: this mediapipe ships no pose model; give a pose_landmarker_*.task file with --model, "
                 'or install "mediapipe==0.10.14", whose wheel carries one')
    cv2, capture, fps, width, height = open_video(arguments.video)
    frames = []
    index = 0
    while True:
        ok, image = capture.read()
        if not ok:
            break
        rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        landmarks = estimate(rgb, int(round(index * 1000 / fps)))
        frames.append({"t": round(index / fps, 4), "landmarks": landmarks or missing_frame()})
        index += 1
        if index % 100 == 0:
            print(f"\r{index} frames", end="", file=sys.stderr)
    capture.release()
    if not frames:
        sys.exit("error: the video holds no frames")
    document = {"format": "mediapipe-pose-33", "fps": fps, "width": width, "height": height}
    if arguments.view:
        document["view"] = arguments.view
    document["frames"] = frames
    text = json.dumps(document, separators=(",", ":"))
    if arguments.output:
        with open(arguments.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    print(f"\r{len(frames)} frames written", file=sys.stderr)


if __name__ == "__main__":
    main()
