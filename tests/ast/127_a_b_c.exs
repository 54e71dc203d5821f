a :: b :: c
