import Enum, only: [map: 2]
