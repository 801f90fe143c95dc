import GovReport
print("hi")
